import AutopilotCore
import Foundation

/// A coupon issued with a message: what it gives, until when, the shop that holds it, and the order that used it.
public struct CouponRecord: Sendable, Hashable {
    public var tenantID: String
    public var code: String
    public var kind: CouponKind
    /// The percentage off; 0 for a fixed amount or free shipping.
    public var percent: Double
    public var contactID: String
    public var messageID: String
    public var validUntil: Date?
    public var createdAt: Date
    /// A fixed amount off, in the shop's currency.
    public var amount: Double?
    public var freeShipping: Bool
    /// The order subtotal from which the code applies.
    public var minimumOrder: Double?
    /// `shopify` or `woocommerce` when the code was created there; nil: it exists only in Autopilot.
    public var shop: String?
    /// The shop's id of the code.
    public var shopCouponID: String?
    /// What became of the code in the shop, in plain words.
    public var shopNote: String?
    /// The order that used the code (first `order.placed` naming it), and when.
    public var redeemedOrderID: String?
    public var redeemedAt: Date?

    public init(
        tenantID: String, code: String, kind: CouponKind, percent: Double, contactID: String, messageID: String, validUntil: Date?, createdAt: Date,
        amount: Double? = nil, freeShipping: Bool = false, minimumOrder: Double? = nil, shop: String? = nil, shopCouponID: String? = nil,
        shopNote: String? = nil, redeemedOrderID: String? = nil, redeemedAt: Date? = nil
    ) {
        self.tenantID = tenantID
        self.code = code
        self.kind = kind
        self.percent = percent
        self.contactID = contactID
        self.messageID = messageID
        self.validUntil = validUntil
        self.createdAt = createdAt
        self.amount = amount
        self.freeShipping = freeShipping
        self.minimumOrder = minimumOrder
        self.shop = shop
        self.shopCouponID = shopCouponID
        self.shopNote = shopNote
        self.redeemedOrderID = redeemedOrderID
        self.redeemedAt = redeemedAt
    }

    static let columns = [
        "tenant_id", "code", "kind", "percent", "contact_id", "message_id", "valid_until", "created_at", "amount", "free_shipping", "minimum_order",
        "shop", "shop_coupon_id", "shop_note", "redeemed_order_id", "redeemed_at",
    ]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(code), .text(kind.rawValue), .double(percent), .text(contactID), .text(messageID), .date(validUntil),
            .date(createdAt), .double(amount), .bool(freeShipping), .double(minimumOrder), .text(shop), .text(shopCouponID), .text(shopNote),
            .text(redeemedOrderID), .date(redeemedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", code: row.text(1) ?? "", kind: row.text(2).flatMap(CouponKind.init) ?? .unique, percent: row.double(3) ?? 0,
            contactID: row.text(4) ?? "", messageID: row.text(5) ?? "", validUntil: row.date(6), createdAt: row.date(7) ?? .distantPast,
            amount: row.double(8), freeShipping: row.bool(9) ?? false, minimumOrder: row.double(10), shop: row.text(11), shopCouponID: row.text(12),
            shopNote: row.text(13), redeemedOrderID: row.text(14), redeemedAt: row.date(15))
    }
}
