import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// The abandoned-cart flow's 72-hour email carries a 10 % code: it must exist in the shop before the email goes.
@Suite("Coupons — created in the shop before the message goes")
struct CouponsInShopTests {
    static let until = FlowScenario.start.addingTimeInterval(4 * 86_400)

    /// Runs the scenario (Amina abandons K-881) for four days with `shops` as the shop directory.
    static func run(_ shops: ShopCouponDirectory, shop: TestShop) async throws -> (coupon: MessageListing, all: [MessageListing]) {
        var settings = FlowEngineSettings()
        settings.shopCoupons = shops
        let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies, settings: settings), clock: shop.clock)
        _ = try await simulator.run(events: FlowScenario.events, tenantID: shop.tenantID, until: until)
        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
        return (try #require(messages.first { $0.template == "abandoned-cart-coupon" }), messages)
    }

    @Test func theCodeIsCreatedInShopifyOnceThenSentAndItsUseIsAttributed() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let shop = try await TestShop.make(at: FlowScenario.start, seed: 3)
            let shopify = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let (message, _) = try await Self.run(ShopCouponDirectory(tenants: [shop.tenantID: shopify]), shop: shop)
            #expect(message.status == "sent")
            let coupons = try await shop.store.coupons(tenantID: shop.tenantID, limit: 10)
            let coupon = try #require(coupons.first)
            #expect(coupons.count == 1)
            #expect(coupon.code.hasPrefix("AP-"))
            #expect(message.body?.contains(coupon.code) == true)
            #expect(coupon.shop == "shopify")
            #expect(coupon.shopCouponID == "gid://shopify/DiscountCodeNode/1000")
            #expect(coupon.percent == 10)
            #expect(ShopFakes.createdCodes(server.requests, refusal: nil) == [coupon.code])
            let input = try #require(server.requests.last?.json["variables"]?["input"])
            #expect(input["customerGets"]?["value"]?["percentage"]?.doubleValue == 0.1)
            #expect(input["endsAt"]?.stringValue == Timestamp.format(try #require(coupon.validUntil)))

            // Amina buys with the code (any case, as Shopify's order carries it): the coupon records the order.
            try await shop.ingest([
                Fixtures.envelope(
                    "order.placed", at: "2026-03-07T12:00:00Z", key: "o-amina", contact: ["email": "amina@example.fr"],
                    properties: [
                        "order_id": "O-77", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "total": 43.2, "currency": "EUR",
                        "discount_codes": [["code": .string(coupon.code.lowercased()), "amount": "4.80", "type": "percentage"]],
                    ])
            ])
            let used = try #require(try await shop.store.coupon(tenantID: shop.tenantID, code: coupon.code))
            #expect(used.redeemedOrderID == "O-77")
            #expect(used.redeemedAt == Fixtures.date("2026-03-07T12:00:00Z"))
            #expect(used.messageID == message.id)
        }
    }

    @Test func aShopOutageDelaysTheMessageAndTheRetryCreatesNoSecondCode() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify(.init(unavailable: 1))) { server in
            let shop = try await TestShop.make(at: FlowScenario.start, seed: 3)
            let shopify = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let (message, _) = try await Self.run(ShopCouponDirectory(fallback: shopify), shop: shop)
            #expect(message.status == "sent")
            #expect(message.attempts == 2)
            let code = try #require(try await shop.store.coupons(tenantID: shop.tenantID, limit: 10).first?.code)
            #expect(ShopFakes.createdCodes(server.requests, refusal: nil) == [code])
            let health = try await shop.store.integrationHealth()
            let shopifyHealth = try #require(health.first { $0.name == "shopify" })
            #expect(shopifyHealth.failures == 1 && shopifyHealth.successes == 1)
        }
    }

    @Test func aRefusedCodeHoldsTheMessageWithTheReason() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify(.init(refusal: "Discounts are not available on this plan"))) { server in
            let shop = try await TestShop.make(at: FlowScenario.start, seed: 3)
            let shopify = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let (message, all) = try await Self.run(ShopCouponDirectory(fallback: shopify), shop: shop)
            #expect(message.status == "blocked")
            #expect(message.blockedReason == "coupon_refused")
            #expect(message.lastError?.contains("Discounts are not available on this plan") == true)
            #expect(message.sentAt == nil)
            #expect(try await shop.store.coupons(tenantID: shop.tenantID, limit: 10).isEmpty)
            // The flow's other emails, without a code, still went.
            #expect(all.contains { $0.template == "abandoned-cart-reminder" && $0.status == "sent" })
        }
    }

    @Test func aTenantWithoutAShopKeepsTodaysCodeAndIsToldSo() async throws {
        try await VendorServer.with(answer: ShopFakes.wooCommerce()) { server in
            let shop = try await TestShop.make(at: FlowScenario.start, seed: 3)
            let other = try await TenantService(dependencies: shop.dependencies).create(name: "other").tenantID
            let woo = WooCommerceCoupons(siteURL: server.baseURL, consumerKey: "ck_test", consumerSecret: "cs_test")
            let (message, _) = try await Self.run(ShopCouponDirectory(tenants: [other: woo]), shop: shop)
            #expect(message.status == "sent")
            let coupon = try #require(try await shop.store.coupons(tenantID: shop.tenantID, limit: 10).first)
            #expect(coupon.shop == nil)
            #expect(coupon.shopNote?.hasPrefix("Only in Autopilot: no shop is connected") == true)
            #expect(message.body?.contains(coupon.code) == true)
            let options = try #require(try await shop.store.outboxMessage(id: message.id, tenantID: shop.tenantID)?.options)
            #expect(options.couponNote?.contains("no shop is connected") == true)
            // The other tenant's shop was never called, and the other tenant sees none of these coupons.
            #expect(server.requests.isEmpty)
            #expect(try await shop.store.coupons(tenantID: other, limit: 10).isEmpty)
        }
    }
}
