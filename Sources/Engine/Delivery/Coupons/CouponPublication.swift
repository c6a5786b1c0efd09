import AutopilotCore
import Foundation
import Integrations
import Storage

/// Puts a message's coupon in the tenant's shop before the message goes, so the checkout accepts the code. The code is
/// derived from the message id and the shop clients look it up before creating it, so a retry never creates two.
enum CouponPublication {
    /// What becomes of the message.
    enum Outcome: Sendable {
        /// Send it, with this coupon (its shop, id and note filled in).
        case ready(CouponRecord)
        /// The shop could not be reached (network, 429, 5xx, throttled): try the message again later.
        case retry(String)
        /// The shop refused the code: hold the message, never send a dead code.
        case refused(String)
    }

    static let localOnlyNote =
        "Only in Autopilot: no shop is connected, so this code was not created in the shop and its checkout will refuse it "
        + "until you create it there."

    static func publish(_ coupon: CouponRecord, contact: ContactRecord, client: (any ShopCouponClient)?) async -> Outcome {
        var coupon = coupon
        guard let client else {
            coupon.shopNote = localOnlyNote
            return .ready(coupon)
        }
        do throws(SupplierError) {
            let receipt = try await client.publish(shopCoupon(coupon, email: contact.email))
            coupon.shop = receipt.shop
            coupon.shopCouponID = receipt.id
            let name = receipt.shop == "shopify" ? "Shopify" : "WooCommerce"
            coupon.shopNote = receipt.created ? "Created in \(name) (\(receipt.id))." : "Already in \(name) (\(receipt.id)) from an earlier attempt."
            return .ready(coupon)
        } catch {
            return error.isTransient ? .retry(error.message) : .refused(error.message)
        }
    }

    /// The coupon as the shop takes it: a unique or reward code is for one order of one customer; a referral code is shared
    /// with friends, once each.
    static func shopCoupon(_ coupon: CouponRecord, email: String?) -> ShopCoupon {
        let discount: ShopCoupon.Discount =
            if coupon.freeShipping { .freeShipping } else if let amount = coupon.amount, amount > 0 { .amount(amount) } else { .percent(coupon.percent) }
        let shared = coupon.kind == .referral
        return ShopCoupon(
            code: coupon.code, discount: discount, startsAt: coupon.createdAt, endsAt: coupon.validUntil, oncePerCustomer: true,
            usageLimit: shared ? nil : 1, minimumOrder: coupon.minimumOrder, customerEmail: shared ? nil : email)
    }
}
