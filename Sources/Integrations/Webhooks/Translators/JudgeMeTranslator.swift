import AutopilotCore
import Foundation

/// Translates Judge.me's review webhooks (`review/created`, `review/updated`: `{"review": {…}}`) into `review.submitted`.
///
/// | field | property |
/// |---|---|
/// | `review.rating` | `rating` (1–5) |
/// | `review.title`, `review.body` | `text` ("title — body") |
/// | `review.reviewer.email` | the contact |
/// | `review.product_external_id`, `product_handle`, `product_title` | `product_id`, `product_handle`, `product_title` |
/// | `review.pictures` not empty | `has_photo` |
///
/// A review is recorded once (`judgeme:review:<id>`): its later updates (published, hidden) are duplicates.
public struct JudgeMeTranslator: Sendable {
    public init() {}

    /// Judge.me sends no delivery id: a hash of the body (its retries repeat the body).
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        "judgeme:" + MessageAuthentication.hex(Array(MessageAuthentication.sha256(delivery.rawBody).prefix(16)))
    }

    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let payload = try PayloadDocument.object(delivery.rawBody)
        guard let review = payload.child("review") else { throw .missing("review") }
        guard let id = review.text("id") else { throw .missing("review.id") }
        guard let rating = ReviewEnvelope.rating(review, "rating") else {
            throw WebhookPayloadError(code: "invalid_field", field: "review.rating", message: "review.rating must be a number from 1 to 5")
        }
        let reviewer = review.child("reviewer")
        let pictures = review.array("pictures").filter { $0.bool("hidden") != true }
        let envelope = ReviewEnvelope(
            provider: .judgeme, reviewID: id, rating: rating, title: review.text("title"), body: review.text("body"),
            email: reviewer?.text("email") ?? review.text("reviewer_email"),
            orderID: review.text("order_external_id") ?? review.text("shopify_order_id") ?? review.text("order_id"), sku: review.text("product_sku"),
            productID: review.text("product_external_id"), productHandle: review.text("product_handle"), productTitle: review.text("product_title"),
            hasPhoto: !pictures.isEmpty, at: review.date("created_at") ?? delivery.now)
        return envelope.translation()
    }
}
