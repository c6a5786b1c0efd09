import AutopilotCore
import Foundation

extension ShopifyContext {
    /// products/create and products/update → one product.updated per variant: `sku` (the variant's, else
    /// `shopify-variant:<id>`), `title`, `price`, `in_stock`, `url` (the shop's product page, when the shop's domain is
    /// known from `X-Shopify-Shop-Domain`), `product_id`. A drop of price is found by the engine against the stored price
    /// (`product.price_changed`), since Shopify's payload does not carry the previous one.
    func productUpdated() throws(WebhookPayloadError) -> WebhookTranslation {
        let productID = try requiredID()
        let variants = payload.array("variants")
        guard !variants.isEmpty else { return .ignored(IgnoreReason("no_variant", "product \(productID) has no variant")) }
        guard payload.text("status").map({ $0.lowercased() != "draft" }) ?? true else {
            return .ignored(IgnoreReason("status_without_event", "product \(productID) is a draft"))
        }
        let at = occurredAt(payload.date("updated_at"), payload.date("created_at"))
        let title = payload.text("title")
        let domain = delivery.headers.value("X-Shopify-Shop-Domain")
        let url = domain.flatMap { domain in payload.text("handle").map { "https://\(domain)/products/\($0)" } }
        let events = variants.compactMap { variant -> JSONValue? in
            guard let variantID = variant.text("id") else { return nil }
            var properties = JSONObject()
            properties["sku"] = .string(variant.text("sku") ?? "shopify-variant:\(variantID)")
            let variantTitle = variant.text("title").flatMap { $0 == "Default Title" ? nil : $0 }
            properties.set("title", [title, variantTitle].compactMap { $0 }.joined(separator: " — "))
            properties.set("price", variant.amount("price"))
            properties["product_id"] = .string(productID)
            properties.set("url", url)
            if let quantity = variant.integer("inventory_quantity") {
                let continues = variant.text("inventory_policy")?.lowercased() == "continue"
                let tracked = variant.text("inventory_management") != nil
                properties["in_stock"] = .bool(!tracked || continues || quantity > 0)
            }
            let stamp = Timestamp.format(variant.date("updated_at") ?? at)
            return ShopifyContext.catalogEvent(
                .productUpdated, at: at, key: "shopify:product.updated:\(variantID):\(stamp)", properties: properties)
        }
        return events.isEmpty ? .ignored(IgnoreReason("no_variant", "product \(productID) has no variant with an id")) : .events(events)
    }

    /// A catalog event: no contact.
    static func catalogEvent(_ type: EventType, at: Date, key: String, properties: JSONObject) -> JSONValue {
        [
            "type": .string(type.rawValue), "occurred_at": .string(Timestamp.format(at)), "idempotency_key": .string(String(key.prefix(200))),
            "properties": .object(properties),
        ]
    }
}
