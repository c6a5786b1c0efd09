import AutopilotCore
import Foundation

extension ShopifyContext {
    /// orders/create → order.placed. The cart id is the checkout token (what checkouts/* call `cart_id`), else the cart token.
    func orderPlaced() throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try requiredID()
        let lines = lines(payload)
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties.set("order_number", payload.text("name"))
        properties.set("cart_id", payload.text("checkout_token") ?? payload.text("cart_token"))
        properties["lines"] = .array(lines)
        properties["total"] = .double(max(0, payload.amount("total_price") ?? OrderLineItems.value(lines)))
        properties["currency"] = .string(try currency(payload))
        if let address = Self.shippingAddress(payload) { properties["shipping_address"] = address }
        let event = EventEnvelope(
            type: .orderPlaced, occurredAt: occurredAt(payload.date("created_at"), payload.date("processed_at")),
            idempotencyKey: key(orderID), contact: orderContact(payload, orderID: orderID), properties: properties)
        return .events([event.json])
    }

    /// orders/fulfilled → order.fulfilled, with the tracking of the latest fulfillment that has one.
    func orderFulfilled() throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try requiredID()
        let fulfillments = payload.array("fulfillments")
        let tracked = fulfillments.last { $0.text("tracking_number") != nil || !$0.array("tracking_numbers").isEmpty }
        let fulfillment = tracked ?? fulfillments.last
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        if let fulfillment {
            properties.set("tracking_number", fulfillment.text("tracking_number") ?? fulfillment.array("tracking_numbers").first?.stringValue)
            properties.set("carrier", fulfillment.text("tracking_company"))
            properties.set("tracking_url", fulfillment.text("tracking_url") ?? fulfillment.array("tracking_urls").first?.stringValue)
        }
        let at = occurredAt(fulfillment?.date("updated_at"), fulfillment?.date("created_at"), payload.date("updated_at"))
        let event = EventEnvelope(
            type: .orderFulfilled, occurredAt: at, idempotencyKey: key(orderID), contact: orderContact(payload, orderID: orderID),
            properties: properties)
        return .events([event.json])
    }

    /// orders/cancelled → order.cancelled, with Shopify's reason.
    func orderCancelled() throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try requiredID()
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties.set("reason", payload.text("cancel_reason"))
        let event = EventEnvelope(
            type: .orderCancelled, occurredAt: occurredAt(payload.date("cancelled_at"), payload.date("updated_at")),
            idempotencyKey: key(orderID), contact: orderContact(payload, orderID: orderID), properties: properties)
        return .events([event.json])
    }

    /// refunds/create → order.refunded. The amount is the sum of the successful refund transactions, else of the
    /// refunded lines' subtotals; a refund of nothing (a restock only) is ignored.
    func orderRefunded() throws(WebhookPayloadError) -> WebhookTranslation {
        let refundID = try requiredID()
        let orderID = try requiredID("order_id")
        let transactions = payload.array("transactions").filter { transaction in
            transaction.text("kind")?.lowercased() == "refund" && (transaction.text("status").map { $0.lowercased() == "success" } ?? true)
        }
        var amount = transactions.reduce(0) { $0 + abs($1.amount("amount") ?? 0) }
        if transactions.isEmpty {
            amount = payload.array("refund_line_items").reduce(0) { $0 + abs($1.amount("subtotal") ?? 0) }
        }
        guard amount > 0, amount.isFinite else {
            return .ignored(IgnoreReason("zero_refund", "refund \(refundID) of order \(orderID) returns no money"))
        }
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["amount"] = .double(amount)
        properties["refund_id"] = .string(refundID)
        properties.set("currency", transactions.first?.text("currency")?.uppercased())
        properties.set("note", payload.text("note"))
        let event = EventEnvelope(
            type: .orderRefunded, occurredAt: occurredAt(payload.date("processed_at"), payload.date("created_at")),
            idempotencyKey: key(refundID), contact: orderContact(payload, orderID: orderID), properties: properties)
        return .events([event.json])
    }
}

extension ShopifyContext {
    /// The fields of Shopify's `shipping_address` a supplier needs (docs/dropshipping.md), as text; nil when absent.
    static func shippingAddress(_ payload: JSONValue) -> JSONValue? {
        guard let address = payload.child("shipping_address") else { return nil }
        let keys = [
            "name", "first_name", "last_name", "company", "address1", "address2", "city", "province", "province_code", "zip", "country",
            "country_code", "phone",
        ]
        var fields = JSONObject()
        for key in keys { fields.set(key, address.text(key)) }
        return fields.isEmpty ? nil : .object(fields)
    }
}
