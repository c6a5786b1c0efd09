import AutopilotCore
import Foundation
import Storage

/// Referral tracking per referrer, as `GET /v1/referrals` and `autopilot referrals` show it.
public struct ReferralReport: Sendable, Encodable, Equatable {
    public struct Conversion: Sendable, Encodable, Equatable {
        public var contact: String
        public var orderID: String
        public var total: Double
        public var currency: String?
        public var convertedAt: String
        public var referrerReward: String
        public var referredReward: String

        enum CodingKeys: String, CodingKey {
            case contact, orderID = "order_id", total, currency, convertedAt = "converted_at", referrerReward = "referrer_reward"
            case referredReward = "referred_reward"
        }
    }

    public struct Referrer: Sendable, Encodable, Equatable {
        public var contact: String
        public var contactID: String
        public var code: String
        public var invitedAt: String
        public var conversions: Int
        public var revenue: Double
        public var referred: [Conversion]

        enum CodingKeys: String, CodingKey {
            case contact, contactID = "contact_id", code, invitedAt = "invited_at", conversions, revenue, referred
        }
    }

    public var referrers: [Referrer]
    public var codes: Int
    public var conversions: Int
    public var revenue: Double

    /// Builds the report for a tenant: referrers with conversions first (most revenue first), then the others by date.
    public static func load(store: any FlowStatsStore & ContactStore, tenantID: String) async throws -> ReferralReport {
        let summaries = try await store.referrers(tenantID: tenantID)
        let referredIDs = Set(summaries.flatMap { $0.conversions.map(\.referredContactID) })
        let contacts = try await store.contacts(ids: referredIDs, tenantID: tenantID)
        let referrers = summaries.map { summary in
            let referred = summary.conversions.map {
                Conversion(
                    contact: contacts[$0.referredContactID]?.email ?? $0.referredContactID, orderID: $0.orderID, total: $0.orderTotal,
                    currency: $0.currency,
                    convertedAt: Timestamp.format($0.convertedAt), referrerReward: $0.referrerReward, referredReward: $0.referredReward)
            }
            return Referrer(
                contact: summary.referrerEmail ?? summary.referrerContactID, contactID: summary.referrerContactID, code: summary.code,
                invitedAt: Timestamp.format(summary.invitedAt), conversions: referred.count, revenue: Self.round(referred.map(\.total).reduce(0, +)),
                referred: referred)
        }
        let ordered = referrers.enumerated().sorted { a, b in
            a.element.revenue != b.element.revenue ? a.element.revenue > b.element.revenue : a.offset < b.offset
        }.map(\.element)
        return ReferralReport(
            referrers: ordered, codes: referrers.count, conversions: referrers.map(\.conversions).reduce(0, +),
            revenue: round(referrers.map(\.revenue).reduce(0, +)))
    }

    static func round(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
