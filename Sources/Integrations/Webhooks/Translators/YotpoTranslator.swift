import AutopilotCore
import Foundation

/// Translates Yotpo's review webhooks (`{"event": "review_create" | "review_updated", "data": {…}}`) into
/// `review.submitted`. Yotpo writes numbers and booleans as numbers or as strings (`"score": "5"`, `"deleted": "false"`);
/// both are read.
///
/// | field | property |
/// |---|---|
/// | `data.score` | `rating` (1–5) |
/// | `data.title`, `data.content` | `text` ("title — content") |
/// | `data.customer_email` (else `email`, `user_email`) | the contact |
/// | `data.external_order_id`, else `data.order.external_id` | `order_id` |
/// | `data.external_product_id`, `data.sku` | `product_id`, `sku` |
///
/// A deleted or archived review is ignored; a review is recorded once (`yotpo:review:<id>`), its updates are duplicates.
public struct YotpoTranslator: Sendable {
    public init() {}

    /// Yotpo's `eventid` header when it sends one, else a hash of the body.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        if let id = delivery.headers.value("eventid"), !id.isEmpty { return "yotpo:\(id)" }
        return "yotpo:" + MessageAuthentication.hex(Array(MessageAuthentication.sha256(delivery.rawBody).prefix(16)))
    }

    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let payload = try PayloadDocument.object(delivery.rawBody)
        let name = payload.text("event") ?? ""
        guard name == "review_create" || name == "review_updated" else {
            return .ignored(IgnoreReason("unsupported_topic", "Yotpo event \"\(name)\" carries nothing Autopilot records"))
        }
        guard let data = payload.child("data") else { throw .missing("data") }
        guard let id = data.text("id") else { throw .missing("data.id") }
        if Self.flag(data, "deleted") || Self.flag(data, "archived") {
            return .ignored(IgnoreReason("status_without_event", "Yotpo review \(id) is deleted or archived"))
        }
        guard let rating = ReviewEnvelope.rating(data, "score") else {
            throw WebhookPayloadError(code: "invalid_field", field: "data.score", message: "data.score must be a number from 1 to 5")
        }
        let images = data.array("images_data") + data.array("images")
        let envelope = ReviewEnvelope(
            provider: .yotpo, reviewID: id, rating: rating, title: data.text("title"), body: data.text("content"),
            email: data.text("customer_email") ?? data.text("email") ?? data.text("user_email"),
            orderID: data.text("external_order_id") ?? data.child("order")?.text("external_id"), sku: data.text("sku"),
            productID: data.text("external_product_id") ?? data.text("product_external_id"), productHandle: nil,
            productTitle: data.text("product_title"), hasPhoto: !images.isEmpty,
            at: Self.date(data, "created_at") ?? delivery.now)
        return envelope.translation()
    }

    static func flag(_ data: JSONValue, _ key: String) -> Bool {
        data.bool(key) ?? (data.text(key)?.lowercased() == "true")
    }

    /// RFC 3339, or Yotpo's older `2018-02-20 14:12:13 UTC`.
    static func date(_ data: JSONValue, _ key: String) -> Date? {
        if let date = data.date(key) { return date }
        guard let text = data.text(key), text.hasSuffix(" UTC") else { return nil }
        return Timestamp.parse(text.dropLast(4).replacingOccurrences(of: " ", with: "T") + "Z")
    }
}
