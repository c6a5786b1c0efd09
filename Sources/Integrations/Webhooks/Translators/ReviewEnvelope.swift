import AutopilotCore
import Foundation

/// A review a review app reported, in the words of `review.submitted`. The app's product id and handle travel as
/// `product_id` / `product_handle`; the engine (`WebhookEventResolver`) finds the order and SKU they name when the
/// payload gives none.
struct ReviewEnvelope {
    var provider: WebhookProvider
    var reviewID: String
    var rating: Int
    var title: String?
    var body: String?
    var email: String?
    var orderID: String?
    var sku: String?
    var productID: String?
    var productHandle: String?
    var productTitle: String?
    var hasPhoto: Bool
    var at: Date

    func translation() -> WebhookTranslation {
        var contact = ContactHint()
        contact.offerEmail(email)
        guard !contact.isEmpty else {
            return .ignored(IgnoreReason("no_contact", "review \(reviewID) names no usable reviewer email (an anonymous review)"))
        }
        var properties: JSONObject = ["rating": .int(Int64(rating)), "has_photo": .bool(hasPhoto), "source": .string(provider.rawValue)]
        properties["review_id"] = .string(reviewID)
        let text = [title, body].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.joined(separator: " — ")
        properties.set("text", text.isEmpty ? nil : String(text.prefix(20_000)))
        properties.set("order_id", orderID.map { String($0.prefix(200)) })
        properties.set("sku", sku.map { String($0.prefix(200)) })
        properties.set("product_id", productID)
        properties.set("product_handle", productHandle)
        properties.set("product_title", productTitle.map { String($0.prefix(500)) })
        let event = EventEnvelope(
            type: .reviewSubmitted, occurredAt: at, idempotencyKey: "\(provider.prefix):review:\(reviewID)", contact: contact, properties: properties)
        return .events([event.json])
    }

    /// A 1–5 rating from a number or a numeric string; nil otherwise.
    static func rating(_ payload: JSONValue, _ key: String) -> Int? {
        guard let value = payload.amount(key), value >= 1, value <= 5 else { return nil }
        return Int(value.rounded())
    }
}
