import AutopilotCore
import Foundation

/// A referral that converted: the referred contact's first order carried the referrer's code. One per referred contact.
public struct ReferralRecord: Sendable, Hashable {
    public var tenantID: String
    public var referredContactID: String
    public var referrerContactID: String
    /// The referrer's code (a `referral` coupon).
    public var code: String
    /// The order's external id.
    public var orderID: String
    public var orderTotal: Double
    public var currency: String?
    /// The reward coupon codes issued to each side.
    public var referrerReward: String
    public var referredReward: String
    public var convertedAt: Date

    public init(
        tenantID: String, referredContactID: String, referrerContactID: String, code: String, orderID: String, orderTotal: Double, currency: String?,
        referrerReward: String, referredReward: String, convertedAt: Date
    ) {
        self.tenantID = tenantID
        self.referredContactID = referredContactID
        self.referrerContactID = referrerContactID
        self.code = code
        self.orderID = orderID
        self.orderTotal = orderTotal
        self.currency = currency
        self.referrerReward = referrerReward
        self.referredReward = referredReward
        self.convertedAt = convertedAt
    }

    static let columns = [
        "tenant_id", "referred_contact_id", "referrer_contact_id", "code", "order_id", "order_total", "currency", "referrer_reward",
        "referred_reward",
        "converted_at",
    ]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(referredContactID), .text(referrerContactID), .text(code), .text(orderID), .double(orderTotal),
            .text(currency), .text(referrerReward), .text(referredReward), .date(convertedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            tenantID: row.text(0) ?? "", referredContactID: row.text(1) ?? "", referrerContactID: row.text(2) ?? "", code: row.text(3) ?? "",
            orderID: row.text(4) ?? "", orderTotal: row.double(5) ?? 0, currency: row.text(6), referrerReward: row.text(7) ?? "",
            referredReward: row.text(8) ?? "", convertedAt: row.date(9) ?? .distantPast)
    }
}

/// A referrer's code with what it brought: the invitation (the `referral` coupon) and its conversions.
public struct ReferrerSummary: Sendable, Equatable {
    public var referrerContactID: String
    public var referrerEmail: String?
    public var code: String
    public var invitedAt: Date
    public var conversions: [ReferralRecord]

    public init(referrerContactID: String, referrerEmail: String?, code: String, invitedAt: Date, conversions: [ReferralRecord]) {
        self.referrerContactID = referrerContactID
        self.referrerEmail = referrerEmail
        self.code = code
        self.invitedAt = invitedAt
        self.conversions = conversions
    }
}
