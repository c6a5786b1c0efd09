import AutopilotCore
import Foundation

/// Translates Shopify webhooks (topic in `X-Shopify-Topic`) into events. See docs/webhooks.md for the mapping.
public struct ShopifyTranslator: Sendable {
    public static let topicHeader = "X-Shopify-Topic"
    public static let webhookIDHeader = "X-Shopify-Webhook-Id"
    public static let triggeredAtHeader = "X-Shopify-Triggered-At"

    /// The topics that produce events; any other topic is ignored.
    public static let supportedTopics: Set<String> = [
        "orders/create", "orders/fulfilled", "orders/cancelled", "refunds/create",
        "checkouts/create", "checkouts/update", "customers/create", "customers/update",
        "fulfillment_events/create", "fulfillments/create", "fulfillments/update", "products/create", "products/update",
    ]

    /// The customer metafield (`namespace.key`) holding the birthdate, when the tenant named one.
    public var birthdateMetafield: String?

    public init(birthdateMetafield: String? = nil) {
        self.birthdateMetafield = birthdateMetafield
    }

    /// `shopify:<X-Shopify-Webhook-Id>`: the same id on every retry of one delivery.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        delivery.headers.value(Self.webhookIDHeader).map { "shopify:\($0)" }
    }

    /// Events for a delivery whose signature was verified, or why it carries none; throws when it cannot be read.
    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let topic = delivery.headers.value(Self.topicHeader)?.lowercased() else { throw .missingHeader(Self.topicHeader) }
        guard Self.supportedTopics.contains(topic) else {
            return .ignored(IgnoreReason("unsupported_topic", "Shopify topic \"\(topic)\" carries nothing Autopilot records"))
        }
        let payload = try PayloadDocument.object(delivery.rawBody)
        let context = ShopifyContext(topic: topic, payload: payload, delivery: delivery, birthdateMetafield: birthdateMetafield)
        switch topic {
        case "orders/create": return try context.orderPlaced()
        case "orders/fulfilled": return try context.orderFulfilled()
        case "orders/cancelled": return try context.orderCancelled()
        case "refunds/create": return try context.orderRefunded()
        case "checkouts/create", "checkouts/update": return try context.cartUpdated()
        case "fulfillment_events/create": return try context.fulfillmentEvent()
        case "fulfillments/create", "fulfillments/update": return try context.fulfillmentUpdate()
        case "products/create", "products/update": return try context.productUpdated()
        default: return try context.contactProfile(type: topic == "customers/create" ? .contactCreated : .contactUpdated)
        }
    }
}

/// One Shopify payload being translated.
struct ShopifyContext {
    let topic: String
    let payload: JSONValue
    let delivery: WebhookDelivery
    var birthdateMetafield: String?

    func requiredID(_ key: String = "id") throws(WebhookPayloadError) -> String {
        guard let id = payload.text(key) else { throw .missing(key) }
        return id
    }

    /// The first usable date among the payload's own fields, then the moment Shopify triggered the webhook, then now.
    func occurredAt(_ candidates: Date?...) -> Date {
        for candidate in candidates { if let candidate { return candidate } }
        if let triggered = delivery.headers.value(ShopifyTranslator.triggeredAtHeader), let date = Timestamp.parse(triggered) { return date }
        return delivery.now
    }

    func key(_ parts: String...) -> String {
        (["shopify", topic] + parts).joined(separator: ":")
    }

    /// The buyer of an order or checkout: its email and phone, and the Shopify customer id.
    func buyer(_ object: JSONValue) -> ContactHint {
        var contact = ContactHint()
        let customer = object.child("customer")
        contact.offerExternalID(.shopify, customer?.text("id"))
        contact.offerEmail(object.text("email"))
        contact.offerEmail(object.text("contact_email"))
        contact.offerEmail(customer?.text("email"))
        contact.offerPhone(object.text("phone"))
        contact.offerPhone(customer?.text("phone"))
        contact.offerPhone(object.child("billing_address")?.text("phone"))
        contact.offerPhone(object.child("shipping_address")?.text("phone"))
        return contact
    }

    /// The order's buyer, or — for a guest order that names nobody, and for refunds, whose payload names no customer —
    /// a contact known only by the order (`shopify:order:<id>`).
    func orderContact(_ object: JSONValue, orderID: String) -> ContactHint {
        var contact = buyer(object)
        if contact.isEmpty { contact.offerExternalID(.shopify, "order:\(orderID)") }
        return contact
    }

    func lines(_ object: JSONValue) -> [JSONValue] {
        OrderLineItems.lines(object.array("line_items"), provider: .shopify, variantKey: "variant_id") { $0.amount("price") }
    }

    func currency(_ object: JSONValue) throws(WebhookPayloadError) -> String {
        guard let currency = object.text("currency") ?? object.text("presentment_currency") else { throw .missing("currency") }
        return currency.uppercased()
    }
}
