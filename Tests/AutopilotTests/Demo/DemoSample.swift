import AutopilotCore
import DemoShop
import Engine
import Foundation

/// The default demo (2,000 contacts, seed 42), generated once for the whole suite, with the moment it is generated for.
enum DemoSample {
    static let now = Date(timeIntervalSince1970: 1_790_000_000)
    static let configuration = DemoShopConfiguration(now: now)
    static let shop = DemoShop(configuration)
    static let events: [JSONValue] = shop.batches(size: 1_000).flatMap { $0 }

    static func type(_ event: JSONValue) -> String { event["type"]?.stringValue ?? "" }

    static func events(of type: EventType) -> [JSONValue] {
        events.filter { $0["type"]?.stringValue == type.rawValue }
    }

    static func count(_ type: EventType) -> Int { events(of: type).count }

    /// The JSON text of the first `batches` batches, one event per line.
    static func text(_ shop: DemoShop, batches: Int, size: Int = 500) -> String {
        var output = ""
        for batch in shop.batches(size: size).prefix(batches) {
            for event in batch {
                event.write(to: &output)
                output += "\n"
            }
        }
        return output
    }
}
