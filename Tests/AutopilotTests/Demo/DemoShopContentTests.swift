import AutopilotCore
import DemoShop
import Engine
import Foundation
import Testing

@Suite("Demo shop content is plausible")
struct DemoShopContentTests {
    @Test("counts of contacts, leads, products and orders")
    func counts() {
        #expect(DemoSample.count(.contactCreated) == 2_000)
        #expect(DemoSample.count(.leadCreated) == 200)
        #expect(DemoSample.count(.productUpdated) == 50)
        #expect((3_000...15_000).contains(DemoSample.count(.orderPlaced)))
        #expect(DemoSample.shop.catalog.count == 50)
    }

    @Test("every event type of the vocabulary appears", arguments: EventType.allCases.filter { !$0.isEmittedByAutopilot })
    func typePresent(_ type: EventType) {
        #expect(DemoSample.count(type) > 0)
    }

    @Test("order totals are the sum of their lines, in EUR, with ids like D10001")
    func orderTotals() throws {
        let orders = DemoSample.events(of: .orderPlaced)
        for order in orders {
            let properties = try #require(order["properties"])
            let lines = try #require(properties["lines"]?.arrayValue)
            #expect(!lines.isEmpty)
            let sum = lines.reduce(0.0) { $0 + Double($1["quantity"]?.intValue ?? 0) * ($1["price"]?.doubleValue ?? .nan) }
            #expect(abs(sum - (properties["total"]?.doubleValue ?? -1)) < 0.005)
            #expect(properties["currency"]?.stringValue == "EUR")
        }
        let ids = orders.compactMap { $0["properties"]?["order_id"]?.stringValue }
        #expect(ids.contains("D10001"))
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy { $0.hasPrefix("D") && Int($0.dropFirst()) != nil })
    }

    @Test("most orders are fulfilled and delivered; a few are cancelled or refunded")
    func orderLifecycle() throws {
        let placed = Double(DemoSample.count(.orderPlaced))
        #expect(Double(DemoSample.count(.orderFulfilled)) > placed * 0.85)
        #expect(Double(DemoSample.count(.orderDelivered)) > placed * 0.8)
        #expect(Double(DemoSample.count(.orderCancelled)) < placed * 0.06)
        #expect(Double(DemoSample.count(.orderRefunded)) < placed * 0.06)
        let fulfilment = try #require(DemoSample.events(of: .orderFulfilled).first?["properties"])
        #expect(fulfilment["tracking_number"]?.stringValue?.isEmpty == false)
        #expect(fulfilment["tracking_url"]?.stringValue?.hasPrefix("https://") == true)
        let carriers = Set(DemoSample.events(of: .orderFulfilled).compactMap { $0["properties"]?["carrier"]?.stringValue })
        #expect(carriers.isSuperset(of: ["Colissimo", "DHL", "UPS", "Amana"]))
    }

    @Test("orders from carts reference a cart that was updated before; some carts are abandoned, some recovered")
    func cartsAndOrders() {
        var cartSeenAt: [String: String] = [:]
        var fromCart = 0
        var recovered = 0
        let abandoned = Set(DemoSample.events(of: .cartAbandoned).compactMap { $0["properties"]?["cart_id"]?.stringValue })
        var ordered: Set<String> = []
        for event in DemoSample.events {
            let properties = event["properties"]
            switch DemoSample.type(event) {
            case EventType.cartUpdated.rawValue:
                if let cart = properties?["cart_id"]?.stringValue { cartSeenAt[cart] = cartSeenAt[cart] ?? event["occurred_at"]?.stringValue }
            case EventType.orderPlaced.rawValue:
                guard let cart = properties?["cart_id"]?.stringValue else { continue }
                fromCart += 1
                ordered.insert(cart)
                #expect(cartSeenAt[cart] != nil, "order of cart \(cart) came before the cart")
                if abandoned.contains(cart) { recovered += 1 }
            default: continue
            }
        }
        #expect(fromCart > DemoSample.count(.orderPlaced) / 2)
        #expect(recovered > 10)
        let neverOrdered = Set(cartSeenAt.keys).subtracting(ordered)
        #expect(neverOrdered.count > abandoned.count / 2)
        let recentCutoff = Timestamp.format(DemoSample.now.addingTimeInterval(-2 * 86_400))
        let openNow = neverOrdered.filter { (cartSeenAt[$0] ?? "") > recentCutoff && !abandoned.contains($0) }
        #expect(!openNow.isEmpty)
    }

    @Test("customers repeat: loyal ones buy many times, some stopped long ago")
    func repeatBehaviour() {
        var ordersByContact: [String: [String]] = [:]
        for order in DemoSample.events(of: .orderPlaced) {
            guard let id = order["contact"]?["external_id"]?.stringValue, let at = order["occurred_at"]?.stringValue else { continue }
            ordersByContact[id, default: []].append(at)
        }
        let buyers = ordersByContact.count
        let repeaters = ordersByContact.values.filter { $0.count >= 2 }.count
        let loyal = ordersByContact.values.filter { $0.count >= 8 }.count
        let yearAgo = Timestamp.format(DemoSample.now.addingTimeInterval(-200 * 86_400))
        let lapsed = ordersByContact.values.filter { $0.count >= 2 && ($0.max() ?? "") < yearAgo }.count
        #expect((1_000...1_700).contains(buyers))
        #expect(repeaters > buyers / 3)
        #expect(loyal > 100)
        #expect(lapsed > 100)
    }

    @Test("contacts come from France, the UK, the US and Morocco, with phones, birthdates and consents")
    func contactProfiles() {
        let created = DemoSample.events(of: .contactCreated)
        let zones = Set(created.compactMap { $0["properties"]?["timezone"]?.stringValue })
        #expect(zones == ["Europe/Paris", "Europe/London", "America/New_York", "Africa/Casablanca"])
        let locales = Set(created.compactMap { $0["properties"]?["locale"]?.stringValue })
        #expect(locales.isSuperset(of: ["fr", "fr-MA", "ar-MA"]))
        let share = { (predicate: (JSONValue) -> Bool) in Double(created.filter(predicate).count) / Double(created.count) }
        #expect((0.5...0.7).contains(share { $0["properties"]?["birthdate"] != nil }))
        #expect((0.6...0.8).contains(share { $0["contact"]?["phone"] != nil }))
        #expect(share { $0["properties"]?["consents"]?["email"]?.boolValue == true } > 0.75)
        let sms = share { $0["properties"]?["consents"]?["sms"]?.boolValue == true }
        let whatsapp = share { $0["properties"]?["consents"]?["whatsapp"]?.boolValue == true }
        #expect(sms > whatsapp && whatsapp > 0.05)
        let emails = created.compactMap { $0["contact"]?["email"]?.stringValue }
        #expect(Set(emails).count == 2_000)
        #expect(emails.allSatisfy { $0.hasSuffix("@example.com") || $0.hasSuffix("@example.fr") || $0.hasSuffix("@example.ma") })
    }

    @Test("reviews are mostly good, with some bad ones and photos")
    func reviews() {
        let ratings = DemoSample.events(of: .reviewSubmitted).compactMap { $0["properties"]?["rating"]?.intValue }
        let high = ratings.filter { $0 >= 4 }.count
        let low = ratings.filter { $0 <= 2 }.count
        #expect(high > ratings.count * 7 / 10)
        #expect(low > 0 && low < ratings.count / 5)
        #expect(DemoSample.events(of: .reviewSubmitted).contains { $0["properties"]?["has_photo"]?.boolValue == true })
    }

    @Test("some wished products later drop in price")
    func wishesAndPriceDrops() {
        let dropped = Set(
            DemoSample.events(of: .productPriceChanged).compactMap { event -> String? in
                guard let old = event["properties"]?["old_price"]?.doubleValue, let new = event["properties"]?["new_price"]?.doubleValue, new < old
                else { return nil }
                return event["properties"]?["sku"]?.stringValue
            })
        let wished = Set(DemoSample.events(of: .wishlistAdded).compactMap { $0["properties"]?["sku"]?.stringValue })
        #expect(!dropped.isEmpty)
        #expect(!wished.intersection(dropped).isEmpty)
    }
}
