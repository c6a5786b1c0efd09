import AutopilotCore
import DemoShop
import Engine
import Foundation
import Testing

@Suite("Demo shop events are valid envelopes")
struct DemoShopValidityTests {
    @Test("every generated event passes the event validator")
    func everyEventValidates() throws {
        let validator = EventValidator()
        var failures: [String] = []
        for (index, event) in DemoSample.events.enumerated() {
            do {
                _ = try validator.validate(event, now: DemoSample.now)
            } catch {
                if failures.count < 5 { failures.append("event \(index) \(event.jsonString): \(error.field ?? "") \(error.message)") }
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("every event is dated inside the history, never in the future")
    func datesInsideHistory() throws {
        let start = DemoSample.now.addingTimeInterval(-730 * 86_400)
        for event in DemoSample.events {
            let date = try #require(Timestamp.parse(event["occurred_at"]?.stringValue ?? ""))
            #expect(date >= start && date <= DemoSample.now, "\(event.jsonString)")
        }
    }

    @Test("every event has its own idempotency key")
    func uniqueIdempotencyKeys() {
        var seen: Set<String> = []
        var duplicates: [String] = []
        for event in DemoSample.events {
            guard let key = event["idempotency_key"]?.stringValue else {
                duplicates.append("missing in \(event.jsonString)")
                continue
            }
            if !seen.insert(key).inserted, duplicates.count < 5 { duplicates.append(key) }
        }
        #expect(duplicates.isEmpty, "\(duplicates)")
    }

    @Test("catalog events come first and carry no contact; every other event names its contact")
    func catalogFirst() {
        let catalogCount = DemoSample.count(.productUpdated) + DemoSample.count(.productPriceChanged)
        let head = DemoSample.events.prefix(catalogCount)
        #expect(head.allSatisfy { DemoSample.type($0).hasPrefix("product.") && $0["contact"] == nil })
        #expect(DemoSample.events.dropFirst(catalogCount).allSatisfy { $0["contact"]?["email"]?.stringValue != nil })
    }

    @Test("each contact's events are in chronological order")
    func contactEventsChronological() {
        var lastByContact: [String: String] = [:]
        var outOfOrder: [String] = []
        for event in DemoSample.events {
            guard let id = event["contact"]?["external_id"]?.stringValue, let at = event["occurred_at"]?.stringValue else { continue }
            if let previous = lastByContact[id], previous > at, outOfOrder.count < 5 { outOfOrder.append("\(id) \(previous) > \(at)") }
            lastByContact[id] = at
        }
        #expect(outOfOrder.isEmpty, "\(outOfOrder)")
    }
}
