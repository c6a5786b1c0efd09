import AutopilotCore
import DemoShop
import Engine
import Foundation
import Testing

@Suite("Demo catalog")
struct DemoCatalogTests {
    @Test("fifty products with unique SKUs, EUR prices, demo URLs and consumption cycles for consumables")
    func catalog() {
        let catalog = DemoSample.shop.catalog
        #expect(catalog.count == 50)
        #expect(Set(catalog.map(\.sku)).count == 50)
        #expect(catalog.allSatisfy { $0.price > 0 && $0.url.hasPrefix("https://demo-boutique.example/products/") })
        #expect(Set(catalog.map(\.category)) == Set(DemoProductCategory.allCases))
        for product in catalog where product.category == .coffee || product.category == .petFood {
            #expect(product.consumptionDays != nil, "\(product.sku)")
        }
        #expect(catalog.allSatisfy { $0.category != .accessories || $0.consumptionDays == nil })
        let cosmetics = catalog.compactMap { $0.category == .cosmetics ? $0.consumptionDays : nil }
        #expect(cosmetics.allSatisfy { (45...60).contains($0) })
    }

    @Test("a price change is reflected in the price at a later moment", arguments: [DemoSample.shop.catalog.first { !$0.priceChanges.isEmpty }])
    func priceAtMoment(_ product: DemoProduct?) throws {
        let product = try #require(product)
        let change = try #require(product.priceChanges.first)
        #expect(product.price(at: change.at.addingTimeInterval(-1)) == product.price)
        #expect(product.price(at: change.at) == change.newPrice)
        #expect(product.currentPrice == product.priceChanges.last?.newPrice)
    }

    @Test("price changes move to a .90 price point, at a morning hour, inside the history")
    func priceChangesLookReal() {
        let start = DemoSample.now.addingTimeInterval(-730 * 86_400)
        let changes = DemoSample.shop.catalog.flatMap(\.priceChanges)
        #expect(changes.count >= 5)
        #expect(changes.contains { $0.newPrice < $0.oldPrice } && changes.contains { $0.newPrice > $0.oldPrice })
        for change in changes {
            #expect(Int((change.newPrice * 100).rounded()) % 100 == 90, "\(change.newPrice)")
            #expect(change.newPrice != change.oldPrice && change.newPrice > 0)
            #expect(change.at > start && change.at <= DemoSample.now)
            let hour = Int(change.at.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) / 3_600)
            #expect((7...9).contains(hour))
        }
    }

    @Test("fewer or more products than the hand-written fifty", arguments: [0, 7, 120])
    func otherSizes(_ count: Int) throws {
        let shop = DemoShop(DemoShopConfiguration(contacts: 30, products: count, now: DemoSample.now, historyDays: 90))
        #expect(shop.catalog.count == count)
        #expect(Set(shop.catalog.map(\.sku)).count == count)
        let validator = EventValidator()
        for event in shop.batches(size: 100).joined() {
            _ = try validator.validate(event, now: DemoSample.now)
        }
    }
}
