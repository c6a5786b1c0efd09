import AutopilotCore
import Foundation
import Storage

/// Rewards a referral, purely: an `order.placed` that is the buyer's first order and names another contact's referral
/// code converts once per referred contact. Both sides get a reward coupon (issued here, so it exists even when a
/// message cannot be sent) and a `referral-reward` email telling them.
struct ReferralConversion {
    static let rewardPercent = 10.0
    static let rewardValidity: TimeInterval = 90 * 86_400
    /// A conversion found in imported history is recorded and rewarded, but its emails are not sent late.
    static let staleAfter: TimeInterval = 3_600

    let tenantID: String
    let now: Date

    /// The conversion an event brings, if any; `referred` holds the contacts already rewarded (updated).
    func convert(_ event: EventRecord, batch: FlowRoutingBatch, referred: inout Set<String>, into changes: inout FlowChanges) {
        guard let buyerID = event.contactID, !referred.contains(buyerID), let buyer = batch.contacts[buyerID],
            let orderID = event.properties["order_id"]?.stringValue, let order = batch.orders[orderID]
        else { return }
        // The buyer's first order: nothing placed before this one.
        guard let first = buyer.firstOrderAt, let placed = order.placedAt, abs(first.timeIntervalSince(placed)) < 0.001 else { return }
        guard
            let code = ReferralCodes.named(by: event).sorted().first(where: { batch.referralCodes[$0] != nil && batch.referralCodes[$0] != buyerID }),
            let referrerID = batch.referralCodes[code]
        else { return }
        referred.insert(buyerID)
        let referrerCoupon = coupon(for: referrerID, referred: buyerID, role: "referrer", at: event.occurredAt)
        let referredCoupon = coupon(for: buyerID, referred: buyerID, role: "referred", at: event.occurredAt)
        changes.coupons += [referrerCoupon, referredCoupon]
        changes.referrals.append(
            ReferralRecord(
                tenantID: tenantID, referredContactID: buyerID, referrerContactID: referrerID, code: code, orderID: orderID,
                orderTotal: order.total ?? 0,
                currency: order.currency, referrerReward: referrerCoupon.code, referredReward: referredCoupon.code, convertedAt: event.occurredAt))
        let friend = buyer.firstName ?? buyer.email ?? ""
        let referrerName = batch.contacts[referrerID]?.firstName ?? ""
        changes.messages.append(message(to: referrerID, coupon: referrerCoupon, role: "referrer", friend: friend, at: event.occurredAt))
        changes.messages.append(message(to: buyerID, coupon: referredCoupon, role: "referred", friend: referrerName, at: event.occurredAt))
    }

    private func coupon(for contactID: String, referred: String, role: String, at: Date) -> CouponRecord {
        let key = "referral-reward:\(referred):\(role)"
        return CouponRecord(
            tenantID: tenantID, code: "RWD-" + MessageCoupon.code(from: tenantID + "/" + key), kind: .reward, percent: Self.rewardPercent,
            contactID: contactID, messageID: FlowRunChanges.messageID(tenantID: tenantID, key: key),
            validUntil: at.addingTimeInterval(Self.rewardValidity),
            createdAt: at)
    }

    private func message(to contactID: String, coupon: CouponRecord, role: String, friend: String, at: Date) -> OutboxRecord {
        var values: JSONObject = ["code": .string(coupon.code), "percent": .double(coupon.percent)]
        values["valid_until"] = coupon.validUntil.map { .string(String(Timestamp.format($0).prefix(10))) }
        let context: JSONObject = ["coupon": .object(values), "referral": ["role": .string(role), "friend": .string(friend)]]
        let stale = now.timeIntervalSince(at) > Self.staleAfter
        return OutboxRecord(
            id: coupon.messageID, tenantID: tenantID, idempotencyKey: "referral-reward:\(coupon.messageID)", contactID: contactID, runID: nil,
            flowID: "referral", step: "reward", channel: .email, template: "referral-reward", purpose: .marketing, status: stale ? .skipped : .queued,
            options: MessageOptions(
                coupon: CouponOptions(kind: .reward, percent: coupon.percent, validitySeconds: Self.rewardValidity, code: coupon.code), context: context),
            scheduledAt: at, nextAttemptAt: stale ? nil : max(at, now),
            blockedReason: stale ? "stale" : nil, createdAt: now, updatedAt: now)
    }
}
