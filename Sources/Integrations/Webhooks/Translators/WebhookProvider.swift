/// The outside systems whose webhooks Autopilot takes in. Raw values appear in URLs (`/v1/webhooks/{provider}/…`)
/// and in stored settings; they never change.
public enum WebhookProvider: String, Sendable, CaseIterable, Codable, Hashable {
    case shopify
    case woocommerce
    case stripe
    case twilio
    /// Meta's WhatsApp Cloud API (statuses and inbound messages).
    case whatsapp
    /// Postmark: delivery, bounce and spam-complaint webhooks, and inbound email.
    case postmark
    /// Mailgun: event webhooks (delivered, failed, complained) and inbound routes.
    case mailgun
    /// Judge.me reviews (`review/created`, `review/updated`), signed with `JUDGEME-HMAC-SHA256`.
    case judgeme
    /// Yotpo reviews (`review_create`, `review_updated`); Yotpo does not sign, the URL carries a key.
    case yotpo

    /// The prefix of the contacts' `external_id` and of the events' idempotency keys, e.g. `shopify:123`.
    public var prefix: String { rawValue }
}
