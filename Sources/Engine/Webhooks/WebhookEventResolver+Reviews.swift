import AutopilotCore
import Foundation
import Storage

/// A review app (Judge.me, Yotpo) names the product by its id in the shop, its handle or its title, and often no order:
/// the review is tied to the reviewer's order that holds the product, so the review-request flow waiting on that order
/// (`event.order_id == trigger.order_id`) sees it.
extension WebhookEventResolver {
    /// The review with `order_id` and `sku` filled in from the reviewer's orders, when the payload left them out.
    func completedReview(_ event: JSONObject) async throws -> JSONObject? {
        guard event["type"]?.stringValue == EventType.reviewSubmitted.rawValue, var properties = event["properties"]?.objectValue,
            properties["order_id"] == nil || properties["sku"] == nil, let email = event["contact"]?["email"]?.stringValue,
            let contactID = try await store.contactID(email: email, tenantID: tenantID),
            let detail = try await store.contactDetail(id: contactID, tenantID: tenantID), !detail.orders.isEmpty
        else { return nil }
        let given = properties["order_id"]?.stringValue
        let orders = detail.orders.filter { given == nil || $0.orderID == given }
        guard !orders.isEmpty else { return nil }
        var chosen: (order: OrderView, sku: String?)?
        search: for order in orders {
            for line in order.lines {
                if try await matches(line.sku, properties) {
                    chosen = (order, line.sku)
                    break search
                }
            }
        }
        if chosen == nil {
            let order = orders.first { $0.status == OrderStatus.delivered.rawValue } ?? orders[0]
            let skus = Set(order.lines.map(\.sku))
            chosen = (order, skus.count == 1 ? skus.first : nil)
        }
        guard let chosen else { return nil }
        if properties["order_id"] == nil { properties["order_id"] = .string(chosen.order.orderID) }
        if properties["sku"] == nil, let sku = chosen.sku { properties["sku"] = .string(sku) }
        var completed = event
        completed["properties"] = .object(properties)
        return completed
    }

    /// Whether the order line's SKU is the product the review names (by SKU, by the handle at the end of the product's
    /// URL, by the variant-less title).
    private func matches(_ sku: String, _ properties: JSONObject) async throws -> Bool {
        if let named = properties["sku"]?.stringValue { return named == sku }
        let handle = properties["product_handle"]?.stringValue
        let title = properties["product_title"]?.stringValue?.lowercased()
        guard handle != nil || title != nil, let product = try await store.product(sku: sku, tenantID: tenantID) else { return false }
        if let handle, let url = product.url, url.hasSuffix("/products/\(handle)") { return true }
        if let title, let stored = product.title?.lowercased(), stored == title || stored.hasPrefix(title + " — ") { return true }
        return false
    }
}
