import AutopilotCore
import DemoShop
import Engine
import Foundation
import Testing

@Suite("Demo shop edge cases and repeat cycles")
struct DemoShopEdgeTests {
    @Test(
        "tiny, empty or odd configurations still give only valid events",
        arguments: [
            (contacts: 0, leads: 0, products: 50, days: 730),
            (contacts: 40, leads: 5, products: 0, days: 730),
            (contacts: 40, leads: 5, products: 3, days: 0),
            (contacts: 40, leads: 5, products: 50, days: 1),
            (contacts: -3, leads: -1, products: -2, days: -10),
        ])
    func oddConfigurations(_ setup: (contacts: Int, leads: Int, products: Int, days: Int)) throws {
        let configuration = DemoShopConfiguration(
            seed: 3, contacts: setup.contacts, leads: setup.leads, products: setup.products, now: DemoSample.now, historyDays: setup.days)
        let events = Array(DemoShop(configuration).batches(size: 0).joined())
        let validator = EventValidator()
        for event in events {
            let valid = try validator.validate(event, now: DemoSample.now)
            #expect(valid.occurredAt <= DemoSample.now)
            #expect(valid.occurredAt >= DemoSample.now.addingTimeInterval(-Double(max(0, setup.days)) * 86_400))
        }
        #expect(events.filter { DemoSample.type($0) == "contact.created" }.count <= max(0, setup.contacts))
        #expect(events.filter { DemoSample.type($0) == "lead.created" }.count == max(0, setup.leads))
    }

    @Test("loyal customers come back for a consumable at about its consumption cycle")
    func replenishmentCycles() throws {
        let cycles = Dictionary(
            uniqueKeysWithValues: DemoSample.shop.catalog.compactMap { product in
                product.consumptionDays.map { (product.sku, Double($0)) }
            })
        var purchases: [String: [Date]] = [:]
        for order in DemoSample.events(of: .orderPlaced) {
            guard let contact = order["contact"]?["external_id"]?.stringValue,
                let date = Timestamp.parse(order["occurred_at"]?.stringValue ?? ""),
                let lines = order["properties"]?["lines"]?.arrayValue
            else { continue }
            for sku in lines.compactMap({ $0["sku"]?.stringValue }) where cycles[sku] != nil {
                purchases[contact + " " + sku, default: []].append(date)
            }
        }
        var ratios: [Double] = []
        for (key, dates) in purchases where dates.count >= 6 {
            let sku = String(key.split(separator: " ")[1])
            let cycle = try #require(cycles[sku])
            let gaps = zip(dates.dropFirst(), dates).map { $0.timeIntervalSince($1) / 86_400 }.sorted()
            ratios.append(gaps[gaps.count / 2] / max(cycle, 20))
        }
        #expect(ratios.count > 50)
        let typical = ratios.sorted()[ratios.count / 2]
        #expect((0.8...1.4).contains(typical), "median gap / cycle = \(typical)")
    }
}
