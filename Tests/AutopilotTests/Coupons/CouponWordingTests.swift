import AutopilotCore
@testable import Engine
import Flows
import Foundation
import Storage
import Testing

/// `{{coupon.offer}}`: a percentage, a fixed amount and free shipping each said as such, in French and English, and the
/// built-in templates saying it (they used to print `{{coupon.percent}} %`, "0 %" for an amount).
@Suite("Coupons — the words for what a code gives")
struct CouponWordingTests {
    static let now = Fixtures.date("2026-03-05T10:00:00Z")

    static func coupon(percent: Double = 0, amount: Double? = nil, freeShipping: Bool = false, minimum: Double? = nil) -> CouponRecord {
        CouponRecord(
            tenantID: "t", code: "AP-ABCDEFGH", kind: .unique, percent: percent, contactID: "c", messageID: "m", validUntil: now, createdAt: now,
            amount: amount, freeShipping: freeShipping, minimumOrder: minimum)
    }

    @Test(arguments: [
        (coupon(percent: 10), "fr", "EUR", "10 % de réduction"),
        (coupon(percent: 10), "en", "EUR", "10% off"),
        (coupon(percent: 12.5), "fr", nil, "12,5 % de réduction"),
        (coupon(amount: 5), "fr", "EUR", "5 € de réduction"),
        (coupon(amount: 5), "en", "EUR", "€5 off"),
        (coupon(amount: 7.5), "fr", "USD", "7,50 $ de réduction"),
        (coupon(amount: 7.5), "en", "GBP", "£7.50 off"),
        (coupon(amount: 5), "en", "CHF", "5 CHF off"),
        (coupon(freeShipping: true), "fr", nil, "la livraison offerte"),
        (coupon(freeShipping: true), "en", nil, "free shipping"),
        (coupon(amount: 5, minimum: 40), "fr", "EUR", "5 € de réduction dès 40 € d'achat"),
        (coupon(percent: 10, minimum: 40), "en", "EUR", "10% off on orders of €40 or more"),
    ] as [(CouponRecord, String, String?, String)])
    func theOfferIsSaidInTheMessagesLanguage(coupon: CouponRecord, language: String, currency: String?, expected: String) {
        #expect(CouponWording(language: language, currency: currency).offer(coupon) == expected)
    }

    /// Every built-in message with a coupon, through the planner, for a fixed-amount and a free-shipping code.
    @Test(arguments: ["fr-FR", "en-GB"])
    func theBuiltInTemplatesSayTheRightWords(locale: String) throws {
        let planner = DeliveryPlanner(policy: try SmartSendingPolicy(), shop: ShopIdentity(name: "Maison Lavande", url: "https://lavande.example", signature: "Claire"))
        let links = TrackingLinks(baseURL: "https://t.example", signer: TrackingSigner(secret: "s"), tenantID: "t", messageID: "m")
        var contact = ContactRecord(id: "c", createdAt: Self.now)
        contact.email = "camille@example.fr"
        contact.firstName = "Camille"
        contact.locale = locale
        contact.consents[.email] = ConsentState(granted: true, at: Self.now, source: "test")
        let templates = try TemplateLibrary.builtIn.filter { template in
            template.variants.contains { ($0.subject ?? "").contains("coupon.") || $0.body.contains("coupon.") }
        }
        #expect(templates.count >= 7)
        for template in templates where template.name != "birthday-reminder" {
            for (coupon, words) in [
                (CouponOptions(kind: .unique, amount: 5, validitySeconds: 86_400), locale.hasPrefix("fr") ? "5 € de réduction" : "€5 off"),
                (CouponOptions(kind: .unique, freeShipping: true, validitySeconds: 86_400), locale.hasPrefix("fr") ? "la livraison offerte" : "free shipping"),
            ] {
                let kind: CouponKind = template.name.hasPrefix("referral-invitation") ? .referral : .unique
                var options = coupon
                options.kind = kind
                let message = OutboxRecord(
                    id: "m", tenantID: "t", idempotencyKey: "k", contactID: "c", runID: "r", flowID: "f", step: "steps[0]", channel: template.channel,
                    template: template.name, purpose: .marketing,
                    options: MessageOptions(coupon: options, context: ["cart": ["value": 48, "currency": "EUR"], "referral": ["code": "REF-X"]]),
                    scheduledAt: Self.now, nextAttemptAt: Self.now, createdAt: Self.now, updatedAt: Self.now)
                let decision = planner.decide(DispatchItem(message: message, contact: contact), template: template, links: links, pausedReason: nil, now: Self.now)
                guard case .send(let prepared) = decision else {
                    Issue.record("\(template.name): \(decision)")
                    continue
                }
                let text = (prepared.rendered.subject ?? "") + "\n" + prepared.rendered.text
                #expect(text.contains(words), "\(template.name) (\(locale)): \(text)")
                #expect(!text.contains("0 %") && !text.contains("0%"), "\(template.name) (\(locale)): \(text)")
            }
        }
    }
}
