import AutopilotCore
import Foundation

/// Marks the coupons an `order.placed` used (`discount_codes`, `referral_code`): the first order naming a code is
/// recorded on it, in the ingest transaction. A referral code is shared with friends, so its uses are the referrals'
/// business (docs/flows.md), not a redemption.
enum CouponRedemption {
    static func writes(for events: [EventRecord], tenantID: String) -> [SQLWrite] {
        events.compactMap { event -> SQLWrite? in
            let codes = ReferralCodes.named(by: event).sorted()
            guard !codes.isEmpty, let orderID = event.properties["order_id"]?.stringValue else { return nil }
            return .statement(
                SQLStatement(
                    "UPDATE coupons SET redeemed_order_id = ?, redeemed_at = ? WHERE tenant_id = ? AND kind <> 'referral' "
                        + "AND redeemed_order_id IS NULL AND code IN " + SQLStatement.placeholders(codes.count),
                    [.text(orderID), .date(event.occurredAt), .text(tenantID)] + codes.map { .text($0) }))
        }
    }
}
