import AutopilotCore
import Foundation
import Integrations
import Testing

@Suite("Coupons — Shopify and WooCommerce clients on loopback")
struct ShopCouponClientTests {
    static let start = Fixtures.date("2026-03-05T10:00:00Z")
    static let end = Fixtures.date("2026-03-12T10:00:00Z")

    static func coupon(_ discount: ShopCoupon.Discount, minimum: Double? = nil) -> ShopCoupon {
        ShopCoupon(
            code: "AP-7KQ2M9XD", discount: discount, startsAt: start, endsAt: end, oncePerCustomer: true, usageLimit: 1, minimumOrder: minimum,
            customerEmail: "amina@example.fr")
    }

    @Test func shopifyCreatesAPercentCodeThroughGraphQLWithItsLimits() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let receipt = try await client.publish(Self.coupon(.percent(10), minimum: 40))
            #expect(receipt == ShopCouponReceipt(shop: "shopify", id: "gid://shopify/DiscountCodeNode/1000", created: true))
            let calls = server.requests
            #expect(calls.count == 2)
            #expect(calls[0].json["query"]?.stringValue?.contains("codeDiscountNodeByCode") == true)
            let mutation = calls[1].json
            #expect(mutation["query"]?.stringValue?.contains("discountCodeBasicCreate(basicCodeDiscount: $input)") == true)
            let input = try #require(mutation["variables"]?["input"])
            #expect(input["code"] == "AP-7KQ2M9XD")
            #expect(input["customerGets"]?["value"]?["percentage"]?.doubleValue == 0.1)
            #expect(input["customerGets"]?["items"]?["all"] == true)
            #expect(input["appliesOncePerCustomer"] == true)
            #expect(input["usageLimit"]?.intValue == 1)
            #expect(input["startsAt"] == "2026-03-05T10:00:00Z")
            #expect(input["endsAt"] == "2026-03-12T10:00:00Z")
            #expect(input["minimumRequirement"]?["subtotal"]?["greaterThanOrEqualToSubtotal"] == "40")
            #expect(input["customerSelection"]?["all"] == true)
        }
    }

    @Test func shopifyFixedAmountAndFreeShippingUseTheirOwnInputs() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            _ = try await client.publish(Self.coupon(.amount(5)))
            var shipping = Self.coupon(.freeShipping)
            shipping.code = "AP-FREESHIP"
            _ = try await client.publish(shipping)
            let mutations = server.requests.filter { $0.json["query"]?.stringValue?.contains("mutation") == true }
            #expect(mutations.count == 2)
            let amount = try #require(mutations[0].json["variables"]?["input"]?["customerGets"]?["value"]?["discountAmount"])
            #expect(amount["amount"] == "5")
            #expect(amount["appliesOnEachItem"] == false)
            #expect(mutations[1].json["query"]?.stringValue?.contains("discountCodeFreeShippingCreate(freeShippingCodeDiscount: $input)") == true)
            #expect(mutations[1].json["variables"]?["input"]?["destination"]?["all"] == true)
            #expect(mutations[1].json["variables"]?["input"]?["customerGets"] == nil)
        }
    }

    @Test func shopifyNeverCreatesACodeTwice() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let first = try await client.publish(Self.coupon(.percent(10)))
            let again = try await client.publish(Self.coupon(.percent(10)))
            #expect(first.created && !again.created)
            #expect(first.id == again.id)
            #expect(ShopFakes.createdCodes(server.requests, refusal: nil) == ["AP-7KQ2M9XD"])
        }
    }

    @Test func shopifyRefusalIsPermanentAndNamesTheField() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify(.init(refusal: "Code is too long"))) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == false)
            #expect(error?.message.contains("basicCodeDiscount.code: Code is too long") == true)
        }
    }

    @Test func shopifyOutageAndThrottlingAreTransient() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify(.init(unavailable: 1))) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == true)
        }
        let throttled: @Sendable (VendorServer.Received, [VendorServer.Received]) -> VendorServer.Reply = { _, _ in
            .init(status: 200, body: #"{"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED"}}]}"#)
        }
        try await VendorServer.with(answer: throttled) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_test")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == true)
            #expect(error?.code == "shopify_throttled")
        }
    }

    @Test func shopifyWrongTokenIsRefused() async throws {
        try await VendorServer.with(answer: ShopFakes.shopify()) { server in
            let client = ShopifyDiscounts(shopURL: server.baseURL, accessToken: "shpat_wrong")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == false)
            #expect(error?.code == "shopify_http_401")
        }
    }

    @Test(arguments: [
        (ShopCoupon.Discount.percent(15), "percent", "15", false),
        (.amount(7.5), "fixed_cart", "7.50", false),
        (.freeShipping, "fixed_cart", "0", true),
    ])
    func wooCommerceCreatesEachKindOfCoupon(discount: ShopCoupon.Discount, type: String, amount: String, freeShipping: Bool) async throws {
        try await VendorServer.with(answer: ShopFakes.wooCommerce()) { server in
            let client = WooCommerceCoupons(siteURL: server.baseURL, consumerKey: "ck_test", consumerSecret: "cs_test")
            let receipt = try await client.publish(Self.coupon(discount, minimum: 30))
            #expect(receipt == ShopCouponReceipt(shop: "woocommerce", id: "700", created: true))
            let lookup = try #require(server.requests.first)
            #expect(lookup.method == "GET" && lookup.query == "code=AP-7KQ2M9XD")
            let body = try #require(server.requests("POST", "/coupons").first?.json)
            #expect(body["code"] == "AP-7KQ2M9XD")
            #expect(body["discount_type"]?.stringValue == type)
            #expect(body["amount"]?.stringValue == amount)
            #expect((body["free_shipping"]?.boolValue ?? false) == freeShipping)
            #expect(body["date_expires_gmt"] == "2026-03-12T10:00:00")
            #expect(body["usage_limit"]?.intValue == 1)
            #expect(body["usage_limit_per_user"]?.intValue == 1)
            #expect(body["minimum_amount"] == "30")
            #expect(body["email_restrictions"] == ["amina@example.fr"])
        }
    }

    @Test func wooCommerceFindsTheCouponAnEarlierAttemptCreated() async throws {
        try await VendorServer.with(answer: ShopFakes.wooCommerce()) { server in
            let client = WooCommerceCoupons(siteURL: server.baseURL, consumerKey: "ck_test", consumerSecret: "cs_test")
            let first = try await client.publish(Self.coupon(.percent(10)))
            let again = try await client.publish(Self.coupon(.percent(10)))
            #expect(first.created && !again.created && first.id == again.id)
            #expect(server.requests("POST", "/coupons").count == 1)
        }
    }

    @Test func wooCommerceRefusalAndOutage() async throws {
        try await VendorServer.with(answer: ShopFakes.wooCommerce(.init(refusal: "Invalid parameter(s): amount"))) { server in
            let client = WooCommerceCoupons(siteURL: server.baseURL, consumerKey: "ck_test", consumerSecret: "cs_test")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == false)
            #expect(error?.code == "woocommerce_coupon_refused")
            #expect(error?.message.contains("Invalid parameter(s): amount") == true)
        }
        try await VendorServer.with(answer: ShopFakes.wooCommerce(.init(unavailable: 1))) { server in
            let client = WooCommerceCoupons(siteURL: server.baseURL, consumerKey: "ck_test", consumerSecret: "cs_test")
            let error = await #expect(throws: SupplierError.self) { try await client.publish(Self.coupon(.percent(10))) }
            #expect(error?.isTransient == true)
        }
    }
}
