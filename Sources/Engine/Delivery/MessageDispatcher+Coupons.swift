import AutopilotCore
import Foundation
import Integrations
import Storage

extension MessageDispatcher {
    /// Creates the message's coupon in the tenant's shop before it goes. Answers the coupon to send with, or nil when the
    /// message must wait (the shop is unreachable: retried with the usual backoff) or is held (the shop refused the code,
    /// or stayed unreachable for every attempt): a message never goes out with a code the checkout would refuse.
    func publish(
        _ coupon: CouponRecord, to client: (any ShopCouponClient)?, of message: inout OutboxRecord, contact: ContactRecord, log: inout DeliveryLog, tally: inout IntegrationTally,
        now: Date
    ) async -> CouponRecord? {
        switch await CouponPublication.publish(coupon, contact: contact, client: client) {
        case .ready(let ready):
            if let shop = ready.shop { tally.success(shop, kind: .storefront, at: now) }
            message.options.couponNote = "\(ready.code): " + (ready.shopNote ?? "")
            return ready
        case .retry(let reason):
            tally.failure(client?.shop ?? "shop", kind: .storefront, at: now, error: reason)
            message.lastError = "coupon_unavailable: \(reason)"
            if message.attempts < settings.maximumAttempts {
                let backoff = min(settings.maximumRetryDelay, settings.retryDelay * pow(2, Double(max(message.attempts - 1, 0))))
                message.nextAttemptAt = now.addingTimeInterval(backoff)
                log.add(message)
            } else {
                log.add(Self.apply(.hold(reason: "coupon_unavailable"), to: message))
            }
            return nil
        case .refused(let reason):
            tally.failure(client?.shop ?? "shop", kind: .storefront, at: now, error: reason)
            message.lastError = reason
            log.add(Self.apply(.hold(reason: "coupon_refused"), to: message))
            return nil
        }
    }
}
