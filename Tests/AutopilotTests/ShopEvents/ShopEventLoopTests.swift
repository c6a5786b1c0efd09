import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// Shopify webhooks feeding the flows: a delivered parcel starts the review request for the buyer, a price drop is
/// found against the catalog, and an order without a cart id still ends the abandoned-cart series.
@Suite("Shop events — deliveries, catalog, recovered carts")
struct ShopEventLoopTests {
    static let order = """
        {"id": 5834120937572, "email": "camille@example.fr", "created_at": "2026-03-01T11:00:00+01:00", "currency": "EUR",
         "total_price": "48.00", "name": "#1001", "customer": {"id": 7077410021556, "email": "camille@example.fr",
         "first_name": "Camille"}, "line_items": [{"sku": "TEA-01", "quantity": 2, "price": "24.00", "variant_id": 44012345678901}]}
        """

    static func product(price: String, updated: String) -> String {
        """
        {"id": 7981234567890, "title": "Thé vert Sencha", "handle": "the-vert-sencha", "status": "active", "updated_at": "\(updated)",
         "variants": [{"id": 44012345678901, "title": "Default Title", "price": "\(price)", "sku": "TEA-01", "inventory_management": null,
                       "inventory_quantity": 3, "updated_at": "\(updated)"}]}
        """
    }

    struct Shopify {
        let service: WebhookService
        let token: String
        var count = 0

        mutating func post(_ topic: String, _ body: String) async throws -> WebhookReceipt {
            count += 1
            let headers = [
                "X-Shopify-Hmac-Sha256": ShopifySignature(secret: "shpss_secret").sign(Array(body.utf8)), "X-Shopify-Topic": topic,
                "X-Shopify-Webhook-Id": "delivery-\(count)", "X-Shopify-Shop-Domain": "the-shop.myshopify.com",
            ]
            return try await service.receive(
                provider: "shopify", token: token, headers: headers, rawBody: Array(body.utf8), url: "https://autopilot.example/v1/webhooks")
        }
    }

    static func shopify(_ shop: TestShop) async throws -> Shopify {
        let service = WebhookService(dependencies: shop.dependencies)
        let path = try await service.register(provider: "shopify", secret: "shpss_secret", tenantID: shop.tenantID)
        return Shopify(service: service, token: String(path.split(separator: "/").last ?? ""))
    }

    static func events(_ shop: TestShop, _ type: EventType) async throws -> [EventView] {
        try await shop.store.events(EventQuery(type: type, limit: 100), tenantID: shop.tenantID).events
    }

    @Test func aDeliveredParcelGoesToTheBuyerAndStartsTheReviewRequest() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-01T10:00:00Z"), seed: 5)
        var shopify = try await Self.shopify(shop)
        #expect(try await shopify.post("orders/create", Self.order).accepted == 1)
        let delivered = """
            {"id": 944956395, "fulfillment_id": 255858046, "status": "delivered", "happened_at": "2026-03-04T14:32:00+01:00",
             "order_id": 5834120937572, "shop_id": 690933842}
            """
        shop.clock.set(Fixtures.date("2026-03-04T14:00:00Z"))
        #expect(try await shopify.post("fulfillment_events/create", delivered).accepted == 1)
        // The same parcel reported again by fulfillments/update is a duplicate.
        let update = """
            {"id": 255858046, "order_id": 5834120937572, "status": "success", "shipment_status": "delivered",
             "updated_at": "2026-03-04T14:40:00+01:00", "email": "camille@example.fr"}
            """
        let again = try await shopify.post("fulfillments/update", update)
        #expect(again.accepted == 0 && again.duplicates == 1)

        let event = try #require(try await Self.events(shop, .orderDelivered).first)
        let buyer = try #require(try await shop.store.contactID(email: "camille@example.fr", tenantID: shop.tenantID))
        #expect(event.contactID == buyer, "the buyer, not a placeholder contact known only by the order")
        #expect(event.occurredAt == "2026-03-04T13:32:00Z", "the carrier's time")
        let order = try #require(try await shop.store.order(externalOrID: "5834120937572", tenantID: shop.tenantID))
        #expect(order.status == "delivered")

        let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies), clock: shop.clock)
        _ = try await simulator.run(events: [], tenantID: shop.tenantID, until: Fixtures.date("2026-03-12T12:00:00Z"))
        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
        let request = try #require(messages.first { $0.flow == "review-request" })
        #expect(request.contact == "camille@example.fr")
    }

    @Test func aLowerPriceInShopifyIsAPriceDrop() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-04T10:00:00Z"), seed: 5)
        var shopify = try await Self.shopify(shop)
        #expect(try await shopify.post("products/create", Self.product(price: "24.00", updated: "2026-03-01T09:00:00Z")).accepted == 1)
        #expect(try await shopify.post("products/update", Self.product(price: "24.00", updated: "2026-03-02T09:00:00Z")).accepted == 1)
        #expect(try await Self.events(shop, .productPriceChanged).isEmpty, "the same price is no drop")
        #expect(try await shopify.post("products/update", Self.product(price: "19.90", updated: "2026-03-03T09:00:00Z")).accepted == 2)
        let drop = try #require(try await Self.events(shop, .productPriceChanged).first)
        #expect(drop.properties["sku"] == "TEA-01")
        #expect(drop.properties["old_price"]?.doubleValue == 24)
        #expect(drop.properties["new_price"]?.doubleValue == 19.9)
        let product = try #require(try await shop.store.product(sku: "TEA-01", tenantID: shop.tenantID))
        #expect(product.price == 19.9)
        #expect(product.url == "https://the-shop.myshopify.com/products/the-vert-sencha")
        #expect(try await shopify.post("products/update", Self.product(price: "22.00", updated: "2026-03-04T09:00:00Z")).accepted == 1, "a rise is no drop")
    }

    @Test func anOrderWithoutACartIDEndsTheAbandonedCartSeries() async throws {
        let shop = try await TestShop.make(at: FlowScenario.start, seed: 5)
        let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies), clock: shop.clock)
        var events = Array(FlowScenario.events.prefix(4))  // Amina's cart K-881, abandoned half an hour later
        events.append(
            Fixtures.envelope(
                "order.placed", at: "2026-03-04T08:00:00Z", key: "o-amina", contact: ["email": "amina@example.fr"],
                properties: ["order_id": "O-9", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "total": 48.0, "currency": "EUR"]))
        _ = try await simulator.run(events: events, tenantID: shop.tenantID, until: Fixtures.date("2026-03-08T00:00:00Z"))
        let recovered = try await Self.events(shop, .cartRecovered)
        #expect(recovered.count == 1)
        #expect(recovered.first?.properties["cart_id"] == "K-881" && recovered.first?.properties["order_id"] == "O-9")
        let counts = try await shop.store.flowRunCounts(tenantID: shop.tenantID)
        #expect(counts.contains { $0.flowID == "abandoned-cart" && $0.status == .exited && $0.reason == "cart_recovered" })
        let amina = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.flow == "abandoned-cart" }
        #expect(!amina.contains { $0.template == "abandoned-cart-coupon" }, "the 72-hour coupon never goes after the order")
    }
}
