import AutopilotCore
import Foundation

/// Translates WooCommerce webhooks (topic in `X-WC-Webhook-Topic`) into events. See docs/webhooks.md for the mapping.
///
/// Order statuses: `order.created` places the order unless it failed, was cancelled or is a checkout draft.
/// `order.updated` reports the new status: `completed` → order.fulfilled (WooCommerce's "completed" means shipped and
/// done; it does not know when the parcel arrives, so no order.delivered), `cancelled` → order.cancelled,
/// `refunded` → order.refunded; `pending`, `processing` and `on-hold` bring nothing new. Every refund listed on an
/// order (partial ones included) becomes one order.refunded keyed by the refund id, so repeats are no-ops.
public struct WooCommerceTranslator: Sendable {
    public static let topicHeader = "X-WC-Webhook-Topic"
    public static let deliveryIDHeader = "X-WC-Webhook-Delivery-ID"

    /// The customer meta key holding the birthdate, when the tenant named one.
    public var birthdateMetaKey: String?

    public init(birthdateMetaKey: String? = nil) {
        self.birthdateMetaKey = birthdateMetaKey
    }

    /// `woocommerce:<X-WC-Webhook-Delivery-ID>`.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        delivery.headers.value(Self.deliveryIDHeader).map { "woocommerce:\($0)" }
    }

    /// Whether the body is the ping WooCommerce posts, unsigned, when a webhook is saved: `webhook_id=<id>`, form-encoded.
    public static func isPing(_ body: [UInt8]) -> Bool {
        guard body.count <= 200, body.first != UInt8(ascii: "{"), let form = FormBody(body) else { return false }
        return form.names == ["webhook_id"]
    }

    /// Events for a delivery whose signature was verified, or why it carries none; throws when it cannot be read.
    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let topic = delivery.headers.value(Self.topicHeader)?.lowercased() else { throw .missingHeader(Self.topicHeader) }
        switch topic {
        case "order.created": return try orderCreated(try PayloadDocument.object(delivery.rawBody), delivery)
        case "order.updated": return try orderUpdated(try PayloadDocument.object(delivery.rawBody), delivery)
        case "product.created", "product.updated": return try productUpdated(try PayloadDocument.object(delivery.rawBody), delivery)
        case "customer.created", "customer.updated":
            let type: EventType = topic == "customer.created" ? .contactCreated : .contactUpdated
            return try customer(try PayloadDocument.object(delivery.rawBody), type: type, delivery)
        default:
            return .ignored(IgnoreReason("unsupported_topic", "WooCommerce topic \"\(topic)\" carries nothing Autopilot records"))
        }
    }

    private func orderCreated(_ order: JSONValue, _ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try Self.orderID(order)
        let status = order.text("status")?.lowercased() ?? "pending"
        guard ["pending", "processing", "on-hold", "completed"].contains(status) else {
            return .ignored(IgnoreReason("status_without_event", "order \(orderID) was created with status \"\(status)\""))
        }
        let lines = OrderLineItems.lines(order.array("line_items"), provider: .woocommerce, variantKey: "variation_id") { item in
            item.amount("price") ?? item.integer("quantity").flatMap { quantity in item.amount("total").map { $0 / Double(max(quantity, 1)) } }
        }
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties.set("order_number", order.text("number"))
        properties.set("cart_id", order.text("cart_hash"))
        properties["lines"] = .array(lines)
        properties["total"] = .double(max(0, order.amount("total") ?? OrderLineItems.value(lines)))
        properties["currency"] = .string(try Self.currency(order))
        properties["shipping_address"] = Self.shippingAddress(order)
        let event = EventEnvelope(
            type: .orderPlaced, occurredAt: order.date("date_created_gmt") ?? order.date("date_created") ?? delivery.now,
            idempotencyKey: "woocommerce:order.placed:\(orderID)", contact: Self.buyer(order, orderID: orderID), properties: properties)
        return .events([event.json])
    }

    /// WooCommerce's `shipping` in the field names dropshipping reads (Shopify's: docs/dropshipping.md): `address_1` →
    /// `address1`, `state` → `province`/`province_code`, `postcode` → `zip`, `country` (a two-letter code) → `country_code`;
    /// the phone falls back to the billing phone. Nil when the order has no shipping address.
    static func shippingAddress(_ order: JSONValue) -> JSONValue? {
        guard let shipping = order.child("shipping"), shipping.text("address_1") != nil || shipping.text("city") != nil else { return nil }
        var fields = JSONObject()
        fields.set("first_name", shipping.text("first_name"))
        fields.set("last_name", shipping.text("last_name"))
        fields.set("company", shipping.text("company"))
        fields.set("address1", shipping.text("address_1"))
        fields.set("address2", shipping.text("address_2"))
        fields.set("city", shipping.text("city"))
        fields.set("province", shipping.text("state"))
        fields.set("province_code", shipping.text("state"))
        fields.set("zip", shipping.text("postcode"))
        fields.set("country_code", shipping.text("country")?.uppercased())
        fields.set("phone", shipping.text("phone") ?? order.child("billing")?.text("phone"))
        return .object(fields)
    }

    private func orderUpdated(_ order: JSONValue, _ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try Self.orderID(order)
        let status = order.text("status")?.lowercased() ?? ""
        let contact = Self.buyer(order, orderID: orderID)
        let modifiedAt = order.date("date_modified_gmt") ?? order.date("date_modified") ?? delivery.now
        var events: [EventEnvelope] = []
        var properties: JSONObject = ["order_id": .string(orderID)]
        switch status {
        case "completed":
            Self.addTracking(order, to: &properties)
            let at = order.date("date_completed_gmt") ?? order.date("date_completed") ?? modifiedAt
            events.append(
                EventEnvelope(
                    type: .orderFulfilled, occurredAt: at, idempotencyKey: "woocommerce:order.fulfilled:\(orderID)", contact: contact,
                    properties: properties))
        case "cancelled":
            events.append(
                EventEnvelope(
                    type: .orderCancelled, occurredAt: modifiedAt, idempotencyKey: "woocommerce:order.cancelled:\(orderID)", contact: contact,
                    properties: properties))
        default:
            break
        }
        events += refunds(order, orderID: orderID, status: status, contact: contact, at: modifiedAt)
        guard !events.isEmpty else {
            return .ignored(IgnoreReason("status_without_event", "order \(orderID) is \"\(status)\": nothing new to record"))
        }
        return .events(events.map(\.json))
    }

    /// One order.refunded per refund listed on the order; a `refunded` order listing none refunds its total.
    private func refunds(_ order: JSONValue, orderID: String, status: String, contact: ContactHint, at: Date) -> [EventEnvelope] {
        let currency = order.text("currency")?.uppercased()
        var events: [EventEnvelope] = []
        for refund in order.array("refunds") {
            guard let refundID = refund.text("id"), let amount = refund.amount("total").map(abs), amount > 0 else { continue }
            var properties: JSONObject = ["order_id": .string(orderID), "amount": .double(amount), "refund_id": .string(refundID)]
            properties.set("currency", currency)
            properties.set("reason", refund.text("reason"))
            events.append(
                EventEnvelope(
                    type: .orderRefunded, occurredAt: at, idempotencyKey: "woocommerce:refund:\(refundID)", contact: contact,
                    properties: properties))
        }
        if events.isEmpty, status == "refunded", let total = order.amount("total"), total > 0 {
            var properties: JSONObject = ["order_id": .string(orderID), "amount": .double(total)]
            properties.set("currency", currency)
            events.append(
                EventEnvelope(
                    type: .orderRefunded, occurredAt: at, idempotencyKey: "woocommerce:order.refunded:\(orderID)", contact: contact,
                    properties: properties))
        }
        return events
    }

    private func customer(
        _ customer: JSONValue, type: EventType, _ delivery: WebhookDelivery
    ) throws(WebhookPayloadError)
        -> WebhookTranslation
    {
        guard let customerID = customer.text("id") else { throw .missing("id") }
        var contact = ContactHint()
        contact.offerExternalID(.woocommerce, customerID)
        contact.offerEmail(customer.text("email"))
        contact.offerEmail(customer.child("billing")?.text("email"))
        contact.offerPhone(customer.child("billing")?.text("phone"))
        contact.offerPhone(customer.child("shipping")?.text("phone"))
        var properties = JSONObject()
        properties.set("first_name", customer.text("first_name").map { String($0.prefix(200)) })
        properties.set("last_name", customer.text("last_name").map { String($0.prefix(200)) })
        properties.set("birthdate", ShopBirthdate.wooCommerce(customer, key: birthdateMetaKey))
        let created = type == .contactCreated
        let at =
            (created ? customer.date("date_created_gmt") : customer.date("date_modified_gmt")) ?? customer.date("date_created_gmt") ?? delivery.now
        let version = customer.text(created ? "date_created_gmt" : "date_modified_gmt") ?? Timestamp.format(delivery.now)
        let event = EventEnvelope(
            type: type, occurredAt: at, idempotencyKey: "woocommerce:\(type.rawValue):\(customerID):\(version)", contact: contact,
            properties: properties)
        return .events([event.json])
    }

    static func orderID(_ order: JSONValue) throws(WebhookPayloadError) -> String {
        guard let id = order.text("id"), id != "0" else { throw .missing("id") }
        return id
    }

    static func currency(_ order: JSONValue) throws(WebhookPayloadError) -> String {
        guard let currency = order.text("currency") else { throw .missing("currency") }
        return currency.uppercased()
    }

    /// The billing email and phone, and the WooCommerce customer id (0 for guests); a guest order naming nobody is
    /// known by the order itself (`woocommerce:order:<id>`).
    static func buyer(_ order: JSONValue, orderID: String) -> ContactHint {
        var contact = ContactHint()
        contact.offerExternalID(.woocommerce, order.text("customer_id"))
        contact.offerEmail(order.child("billing")?.text("email"))
        contact.offerPhone(order.child("billing")?.text("phone"))
        contact.offerPhone(order.child("shipping")?.text("phone"))
        if contact.isEmpty { contact.offerExternalID(.woocommerce, "order:\(orderID)") }
        return contact
    }

    /// Tracking from the Shipment Tracking extension's `_wc_shipment_tracking_items` meta entry, when present.
    static func addTracking(_ order: JSONValue, to properties: inout JSONObject) {
        let meta = order.array("meta_data").first { $0.text("key") == "_wc_shipment_tracking_items" }
        guard let item = meta?["value"]?.arrayValue?.last else { return }
        properties.set("tracking_number", item.text("tracking_number"))
        properties.set("carrier", item.text("tracking_provider") ?? item.text("custom_tracking_provider"))
        properties.set("tracking_url", item.text("custom_tracking_link"))
    }
}
