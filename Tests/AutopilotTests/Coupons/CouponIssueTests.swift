import AutopilotCore
@testable import Engine
import Foundation
import Integrations
import Storage
import Testing

@Suite("Coupons — what is issued")
struct CouponIssueTests {
    static let now = Fixtures.date("2026-03-05T10:00:00Z")

    static func message(_ coupon: CouponOptions) -> OutboxRecord {
        OutboxRecord(
            id: "msg_0000000000000001", tenantID: "t1", idempotencyKey: "run/steps[3]", contactID: "c1", runID: "r1", flowID: "win-back",
            step: "steps[3]", channel: .email, template: "win-back-coupon", purpose: .marketing, options: MessageOptions(coupon: coupon),
            scheduledAt: now, nextAttemptAt: now, createdAt: now, updatedAt: now)
    }

    @Test func anAmountCouponIsTheAmountNotZeroPercent() {
        let options = CouponOptions(kind: .unique, amount: 5, minimumOrder: 40, validitySeconds: 14 * 86_400)
        let issued = MessageCoupon.issue(options, message: Self.message(options), now: Self.now).record
        #expect(issued.amount == 5 && issued.percent == 0 && issued.minimumOrder == 40)
        #expect(issued.validUntil == Self.now.addingTimeInterval(14 * 86_400))
        let values = MessageCoupon.values(of: issued, shopURL: "https://shop.example")
        #expect(values["amount"] == .double(5))
        let shop = CouponPublication.shopCoupon(issued, email: "amina@example.fr")
        #expect(shop.discount == .amount(5))
        #expect(shop.usageLimit == 1 && shop.oncePerCustomer && shop.customerEmail == "amina@example.fr")
    }

    @Test func freeShippingAndReferralCodes() {
        let shipping = CouponOptions(kind: .unique, freeShipping: true)
        let free = MessageCoupon.issue(shipping, message: Self.message(shipping), now: Self.now).record
        #expect(CouponPublication.shopCoupon(free, email: nil).discount == .freeShipping)
        let referral = CouponOptions(kind: .referral, percent: 10)
        let shared = MessageCoupon.issue(referral, message: Self.message(referral), now: Self.now).record
        #expect(shared.code.hasPrefix("REF-"))
        let shop = CouponPublication.shopCoupon(shared, email: "alice@example.com")
        #expect(shop.usageLimit == nil && shop.customerEmail == nil, "a referral code is shared with friends, once each")
        let again = MessageCoupon.issue(referral, message: Self.message(referral), now: Self.now.addingTimeInterval(60)).record
        #expect(again.code == shared.code, "a retry issues the same code")
        let reward = CouponOptions(kind: .reward, percent: 10, code: "RWD-ABCDEFGH")
        #expect(MessageCoupon.issue(reward, message: Self.message(reward), now: Self.now).record.code == "RWD-ABCDEFGH")
    }

    @Test func theShopConnectionIsReadFromTheEnvironment() throws {
        #expect(try ShopCouponDirectory.fromEnvironment([:]).fallback == nil)
        let shopify = try ShopCouponDirectory.fromEnvironment(["SHOPIFY_SHOP_URL": "elise.myshopify.com", "SHOPIFY_ACCESS_TOKEN": "shpat_x"])
        #expect((shopify.fallback as? ShopifyDiscounts)?.shopURL == "https://elise.myshopify.com")
        let woo = try ShopCouponDirectory.fromEnvironment([
            "WOOCOMMERCE_URL": "https://elise.example/", "WOOCOMMERCE_CONSUMER_KEY": "ck", "WOOCOMMERCE_CONSUMER_SECRET": "cs",
        ])
        #expect((woo.fallback as? WooCommerceCoupons)?.siteURL == "https://elise.example")
        #expect(throws: ConfigurationError(variable: "WOOCOMMERCE_CONSUMER_SECRET", reason: "required with WOOCOMMERCE_URL")) {
            try ShopCouponDirectory.fromEnvironment(["WOOCOMMERCE_URL": "https://elise.example", "WOOCOMMERCE_CONSUMER_KEY": "ck"])
        }
        #expect(throws: ConfigurationError.self) {
            try ShopCouponDirectory.fromEnvironment([
                "SHOPIFY_SHOP_URL": "elise.myshopify.com", "SHOPIFY_ACCESS_TOKEN": "x", "WOOCOMMERCE_URL": "https://e.example",
            ])
        }
    }
}
