import AutopilotCore
import Foundation

extension WooCommerceTranslator {
    /// product.created and product.updated → one product.updated: `sku` (the product's, else `woocommerce-product:<id>`),
    /// `title`, `price` (the current price, a sale price included), `url` (the permalink), `in_stock` (`stock_status`
    /// other than `outofstock`), `product_id`. Drafts and trashed products say nothing. As with Shopify, a drop of price is
    /// found by the engine against the stored price (`product.price_changed`). A variable product's variations are
    /// separate resources WooCommerce does not send here: their SKUs come with orders.
    func productUpdated(_ product: JSONValue, _ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let productID = product.text("id"), productID != "0" else { throw .missing("id") }
        let status = product.text("status")?.lowercased() ?? "publish"
        guard status == "publish" || status == "private" else {
            return .ignored(IgnoreReason("status_without_event", "product \(productID) is \(status)"))
        }
        let at = product.date("date_modified_gmt") ?? product.date("date_modified") ?? delivery.now
        var properties = JSONObject()
        let sku = product.text("sku").flatMap { $0.isEmpty ? nil : $0 } ?? "woocommerce-product:\(productID)"
        properties["sku"] = .string(sku)
        properties.set("title", product.text("name").map { String($0.prefix(500)) })
        properties.set("price", product.amount("price") ?? product.amount("regular_price"))
        properties.set("url", product.text("permalink"))
        if let stock = product.text("stock_status")?.lowercased() { properties["in_stock"] = .bool(stock != "outofstock") }
        properties["product_id"] = .string(productID)
        let event: JSONValue = [
            "type": .string(EventType.productUpdated.rawValue), "occurred_at": .string(Timestamp.format(at)),
            "idempotency_key": .string("woocommerce:product.updated:\(productID):\(Timestamp.format(at))"), "properties": .object(properties),
        ]
        return .events([event])
    }
}
