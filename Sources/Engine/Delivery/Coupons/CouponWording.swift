import Foundation
import Storage

/// What a coupon gives, in the words of the message's language: `{{coupon.offer}}`. A percentage, a fixed amount in the
/// shop's currency, or free shipping — each said as such, with the minimum order when there is one.
struct CouponWording {
    /// `fr` or `en`; any other language reads the English words.
    var language: String
    /// The currency of the order or cart the message is about (ISO 4217), else the euro.
    var currency: String?

    func offer(_ coupon: CouponRecord) -> String {
        let french = language == "fr"
        var words: String
        if coupon.freeShipping {
            words = french ? "la livraison offerte" : "free shipping"
        } else if let amount = coupon.amount, amount > 0 {
            words = french ? "\(money(amount)) de réduction" : "\(money(amount)) off"
        } else {
            let percent = number(coupon.percent)
            words = french ? "\(percent) % de réduction" : "\(percent)% off"
        }
        if let minimum = coupon.minimumOrder, minimum > 0 {
            words += french ? " dès \(money(minimum)) d'achat" : " on orders of \(money(minimum)) or more"
        }
        return words
    }

    /// `5 €` / `5,50 €` in French, `€5` / `€5.50` in English; a currency without a common sign is written by its code.
    func money(_ value: Double) -> String {
        let code = (currency ?? "EUR").uppercased()
        let amount = number(value, decimals: value.rounded() == value ? 0 : 2)
        let sign = ["EUR": "€", "USD": "$", "GBP": "£"][code]
        if language == "fr" { return "\(amount) \(sign ?? code)" }
        guard let sign else { return "\(amount) \(code)" }
        return sign + amount
    }

    /// `10`, `12,5` (French) or `12.5` (English).
    func number(_ value: Double, decimals: Int? = nil) -> String {
        let places = decimals ?? (value.rounded() == value ? 0 : (value * 10).rounded() == value * 10 ? 1 : 2)
        let text = String(format: "%.\(places)f", value)
        return language == "fr" ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
