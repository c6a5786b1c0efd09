import AutopilotCore
import Foundation
import Storage

/// Completes what a webhook cannot say on its own, from what the store knows, before the events are ingested:
/// an event naming only an order (`shopify:order:<id>`: a Shopify fulfillment event, a refund) goes to the contact who
/// placed that order; a product update whose price is below the stored price adds `product.price_changed`; an inbound
/// email answering one of our Message-IDs (`in_reply_to`), or a bounce quoting one (`email_message_id`), names that message
/// (`message_id`); a review without an order is tied to the reviewer's order that holds the product
/// (`WebhookEventResolver+Reviews`).
struct WebhookEventResolver {
    let store: any AutopilotStore
    let tenantID: String

    static let orderPlaceholders = ["shopify:order:", "woocommerce:order:"]

    func resolve(_ events: [JSONValue]) async throws -> [JSONValue] {
        var resolved: [JSONValue] = []
        for event in events {
            guard var object = event.objectValue else {
                resolved.append(event)
                continue
            }
            if let contact = try await orderContact(object["contact"]) { object["contact"] = contact }
            if let review = try await completedReview(object) { object = review }
            if let messageID = try await answeredMessage(object) {
                var properties = object["properties"]?.objectValue ?? [:]
                properties["message_id"] = .string(messageID)
                object["properties"] = .object(properties)
            }
            resolved.append(.object(object))
            if let drop = try await priceDrop(object) { resolved.append(drop) }
        }
        return resolved
    }

    /// The identifiers of the contact who placed the order a placeholder names; nil when it is not a placeholder or the
    /// order is unknown (the placeholder then stands, as before).
    private func orderContact(_ contact: JSONValue?) async throws -> JSONValue? {
        guard let contact = contact?.objectValue, contact.count == 1, let external = contact["external_id"]?.stringValue,
            let prefix = Self.orderPlaceholders.first(where: { external.hasPrefix($0) })
        else { return nil }
        let orderID = String(external.dropFirst(prefix.count))
        guard let order = try await store.order(externalOrID: orderID, tenantID: tenantID), let contactID = order.contactID,
            let buyer = try await store.contacts(ids: [contactID], tenantID: tenantID)[contactID]
        else { return nil }
        var identifiers = JSONObject()
        if let id = buyer.externalID { identifiers["external_id"] = .string(id) }
        if let email = buyer.email { identifiers["email"] = .string(email) }
        if let phone = buyer.phone { identifiers["phone"] = .string(phone) }
        return identifiers.isEmpty ? nil : .object(identifiers)
    }

    /// Our message an inbound email answers: the nearest of its `in_reply_to` Message-IDs that one of our emails carried.
    private func answeredMessage(_ event: JSONObject) async throws -> String? {
        if let properties = event["properties"]?.objectValue, let emailID = properties["email_message_id"]?.stringValue {
            // A bounce report quoting only the original's Message-ID.
            return try await store.outboxMessageID(emailMessageID: emailID, tenantID: tenantID)
        }
        guard event["type"]?.stringValue == EventType.messageReplied.rawValue, let properties = event["properties"]?.objectValue,
            properties["message_id"] == nil, let answered = properties["in_reply_to"]?.arrayValue
        else { return nil }
        for id in answered.compactMap(\.stringValue) {
            if let message = try await store.outboxMessageID(emailMessageID: id, tenantID: tenantID) { return message }
        }
        return nil
    }

    /// `product.price_changed` for a `product.updated` whose price is below the product's stored price.
    private func priceDrop(_ event: JSONObject) async throws -> JSONValue? {
        guard event["type"]?.stringValue == EventType.productUpdated.rawValue, let properties = event["properties"]?.objectValue,
            let sku = properties["sku"]?.stringValue, let price = properties["price"]?.doubleValue,
            let stored = try await store.product(sku: sku, tenantID: tenantID)?.price, price < stored - 0.000_1
        else { return nil }
        var drop = event
        drop["type"] = .string(EventType.productPriceChanged.rawValue)
        drop["idempotency_key"] = event["idempotency_key"].flatMap(\.stringValue).map { .string(String(("price-drop:" + $0).prefix(200))) }
        drop["properties"] = ["sku": .string(sku), "old_price": .double(stored), "new_price": .double(price)]
        return .object(drop)
    }
}
