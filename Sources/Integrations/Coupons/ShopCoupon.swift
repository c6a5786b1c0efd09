import AutopilotCore
import Foundation

/// A discount code as a shop must know it for its checkout to accept it: the code, what it gives, when it ends, how often
/// it may be used and above which order subtotal.
public struct ShopCoupon: Sendable, Hashable {
    /// What the code takes off.
    public enum Discount: Sendable, Hashable {
        /// A percentage of the order's items, above 0 and at most 100.
        case percent(Double)
        /// A fixed amount off the order, in the shop's currency.
        case amount(Double)
        /// Free shipping to every destination.
        case freeShipping
    }

    public var code: String
    public var discount: Discount
    public var startsAt: Date
    public var endsAt: Date?
    /// One use per customer (Shopify `appliesOncePerCustomer`, WooCommerce `usage_limit_per_user` 1).
    public var oncePerCustomer: Bool
    /// How many orders may use the code in all; nil: no limit (a referral code shared with friends).
    public var usageLimit: Int?
    /// The order subtotal from which the code applies; nil: any order.
    public var minimumOrder: Double?
    /// The only address allowed to use it, where the shop can restrict by address (WooCommerce `email_restrictions`).
    public var customerEmail: String?
    /// The name the shop's admin shows (`Autopilot AP-7KQ2M9XD`).
    public var title: String

    public init(
        code: String, discount: Discount, startsAt: Date, endsAt: Date?, oncePerCustomer: Bool = true, usageLimit: Int? = 1,
        minimumOrder: Double? = nil, customerEmail: String? = nil, title: String? = nil
    ) {
        self.code = code
        self.discount = discount
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.oncePerCustomer = oncePerCustomer
        self.usageLimit = usageLimit
        self.minimumOrder = minimumOrder
        self.customerEmail = customerEmail
        self.title = title ?? "Autopilot \(code)"
    }

    /// A decimal as the vendors want it in text: `10`, `12.5`.
    static func decimal(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(format: "%.2f", value)
    }
}

/// Where a code now lives in the shop.
public struct ShopCouponReceipt: Sendable, Hashable {
    /// `shopify` or `woocommerce`.
    public var shop: String
    /// The shop's id of the discount (`gid://shopify/DiscountCodeNode/…`, a WooCommerce coupon id).
    public var id: String
    /// False when the code was already there (created by an earlier attempt): nothing new was created.
    public var created: Bool

    public init(shop: String, id: String, created: Bool) {
        self.shop = shop
        self.id = id
        self.created = created
    }
}

/// A shop that can hold discount codes. `publish` is idempotent: a code the shop already has is answered with its id,
/// never created twice. Transient failures (network, 429, 5xx, throttling) throw a `SupplierError` with `isTransient`.
public protocol ShopCouponClient: Sendable {
    /// `shopify` or `woocommerce`.
    var shop: String { get }
    func publish(_ coupon: ShopCoupon) async throws(SupplierError) -> ShopCouponReceipt
}
