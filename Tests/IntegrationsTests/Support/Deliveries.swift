import AutopilotCore
import Foundation
import Integrations
import Testing

/// Signed requests as each vendor would send them, run through `WebhookInbox`.
enum Deliveries {
    /// 2026-03-12T00:00:00Z, after every sample's own dates.
    static let now = Date(timeIntervalSince1970: 1_773_273_600)
    static let secret = "shpss_3f9a1c7e5b2d4f6a8c0e"
    static let twilioURL = "https://autopilot.example.com/v1/webhooks/twilio/tk_4b2f9e"
    static let inbox = WebhookInbox()

    static func shopify(_ topic: String, _ body: String, webhookID: String = "b54557e4-8e2c-4a4f-9f6c-0d2b3f1a7c9e") -> WebhookOutcome {
        let bytes = Array(body.utf8)
        let headers = [
            "X-Shopify-Topic": topic, "X-Shopify-Hmac-Sha256": ShopifySignature(secret: secret).sign(bytes),
            "X-Shopify-Shop-Domain": "boutique-exemple.myshopify.com", "X-Shopify-Webhook-Id": webhookID,
            "X-Shopify-Triggered-At": "2026-03-11T08:00:00.000Z", "X-Shopify-API-Version": "2025-07",
        ]
        return inbox.process(provider: .shopify, headers: headers, rawBody: bytes, url: "", secret: secret, now: now)
    }

    static func wooCommerce(_ topic: String, _ body: String, deliveryID: String = "36e520ebabc2fa725092ff4a47acedf2") -> WebhookOutcome {
        let bytes = Array(body.utf8)
        let parts = topic.split(separator: ".")
        let headers = [
            "X-WC-Webhook-Source": "https://boutique.example.ma/", "X-WC-Webhook-Topic": topic,
            "X-WC-Webhook-Resource": String(parts.first ?? ""), "X-WC-Webhook-Event": String(parts.last ?? ""),
            "X-WC-Webhook-Signature": WooCommerceSignature(secret: secret).sign(bytes), "X-WC-Webhook-ID": "3",
            "X-WC-Webhook-Delivery-ID": deliveryID, "User-Agent": "WooCommerce/9.6.0 Hookshot (WordPress/6.7.2)",
        ]
        return inbox.process(provider: .woocommerce, headers: headers, rawBody: bytes, url: "", secret: secret, now: now)
    }

    static func stripe(_ body: String) -> WebhookOutcome {
        let bytes = Array(body.utf8)
        let signature = StripeSignature(secret: secret).header(for: bytes, timestamp: Int64(now.timeIntervalSince1970) - 4)
        let headers = ["Stripe-Signature": signature, "Content-Type": "application/json; charset=utf-8"]
        return inbox.process(provider: .stripe, headers: headers, rawBody: bytes, url: "", secret: secret, now: now)
    }

    static func twilio(_ parameters: [(String, String)]) -> WebhookOutcome {
        let form = FormBody(pairs: parameters.map { FormField(name: $0.0, value: $0.1) })
        let headers = [
            "X-Twilio-Signature": TwilioSignature(authToken: secret).sign(url: twilioURL, parameters: form.pairs),
            "Content-Type": "application/x-www-form-urlencoded", "I-Twilio-Idempotency-Token": "b1c2d3e4",
        ]
        return inbox.process(provider: .twilio, headers: headers, rawBody: form.encoded, url: twilioURL, secret: secret, now: now)
    }

    /// The events of an accepted outcome, each checked by the same validator as `POST /v1/events`.
    static func validated(_ outcome: WebhookOutcome, sourceLocation: SourceLocation = #_sourceLocation) -> [IncomingEvent] {
        guard case .accepted(let acceptance) = outcome else {
            Issue.record("expected accepted events, got \(outcome)", sourceLocation: sourceLocation)
            return []
        }
        return acceptance.events.compactMap { envelope in
            do {
                return try EventValidator().validate(envelope, now: now)
            } catch {
                Issue.record("\(error) in \(envelope.jsonString)", sourceLocation: sourceLocation)
                return nil
            }
        }
    }

    static func ignoredCode(_ outcome: WebhookOutcome) -> String? {
        if case .ignored(_, let reason) = outcome { return reason.code }
        return nil
    }
}
