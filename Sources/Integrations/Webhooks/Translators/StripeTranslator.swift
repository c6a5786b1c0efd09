import AutopilotCore
import Foundation

/// Translates Stripe events (`type` in the JSON body) into events. See docs/webhooks.md for the mapping.
///
/// One payment must count once although Stripe reports it twice when it goes through Checkout
/// (checkout.session.completed and payment_intent.succeeded). So:
/// - the order id is `metadata.order_id` when the shop set one, else the payment intent id, else the session id —
///   the payment intent id is what a later charge.refunded names, so refunds find their order;
/// - payment_intent.succeeded counts only when it carries `metadata.order_id` (a payment made outside Checkout that
///   the shop tied to an order); without it, it is ignored and the Checkout session is the record;
/// - every order.placed is keyed by its payment intent (`stripe:order.placed:<pi>`), so when both events do count,
///   the second is a duplicate.
public struct StripeTranslator: Sendable {
    public init() {}

    /// `stripe:<event id>`: Stripe retries an event with the same id.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        guard let event = try? PayloadDocument.object(delivery.rawBody), let id = event.text("id") else { return nil }
        return "stripe:\(id)"
    }

    /// Events for a delivery whose signature was verified, or why it carries none; throws when it cannot be read.
    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let event = try PayloadDocument.object(delivery.rawBody)
        guard let eventID = event.text("id") else { throw .missing("id") }
        guard let type = event.text("type") else { throw .missing("type") }
        guard let object = event.child("data")?.child("object") else { throw .missing("data.object") }
        let occurredAt = event.unixDate("created") ?? delivery.now
        switch type {
        case "checkout.session.completed", "checkout.session.async_payment_succeeded":
            return try checkoutCompleted(object, type: type, at: occurredAt)
        case "payment_intent.succeeded":
            return try paymentSucceeded(object, at: occurredAt)
        case "charge.refunded":
            return try chargeRefunded(object, previous: event.child("data")?.child("previous_attributes"), eventID: eventID, at: occurredAt)
        default:
            return .ignored(IgnoreReason("unsupported_topic", "Stripe event type \"\(type)\" carries nothing Autopilot records"))
        }
    }

    private func checkoutCompleted(_ session: JSONValue, type: String, at: Date) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let sessionID = session.text("id") else { throw .missing("data.object.id") }
        if session.text("mode") == "setup" {
            return .ignored(IgnoreReason("no_payment", "checkout session \(sessionID) only saved a payment method"))
        }
        if session.text("payment_status") == "unpaid" {
            return .ignored(
                IgnoreReason(
                    "awaiting_payment", "checkout session \(sessionID) is not paid yet; checkout.session.async_payment_succeeded will follow"))
        }
        let paymentIntent = Self.identifier(session["payment_intent"])
        let orderID = session.child("metadata")?.text("order_id") ?? paymentIntent ?? sessionID
        var contact = Self.customer(session["customer"])
        contact.offerEmail(session.child("customer_details")?.text("email"))
        contact.offerEmail(session.text("customer_email"))
        contact.offerPhone(session.child("customer_details")?.text("phone"))
        if contact.isEmpty { contact.offerExternalID(.stripe, "order:\(orderID)") }
        let currency = try Self.currency(session, field: "data.object.currency")
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["lines"] = []
        properties["total"] = .double(StripeAmount.major(max(0, session.integer("amount_total") ?? 0), currency: currency))
        properties["currency"] = .string(currency)
        properties["checkout_session_id"] = .string(sessionID)
        properties.set("payment_intent_id", paymentIntent)
        let event = EventEnvelope(
            type: .orderPlaced, occurredAt: at, idempotencyKey: "stripe:order.placed:\(paymentIntent ?? sessionID)", contact: contact,
            properties: properties)
        return .events([event.json])
    }

    private func paymentSucceeded(_ intent: JSONValue, at: Date) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let intentID = intent.text("id") else { throw .missing("data.object.id") }
        guard let orderID = intent.child("metadata")?.text("order_id") else {
            return .ignored(
                IgnoreReason(
                    "counted_elsewhere", "payment intent \(intentID) has no metadata.order_id; its Checkout session records the order"))
        }
        var contact = Self.customer(intent["customer"])
        contact.offerEmail(intent.text("receipt_email"))
        contact.offerEmail(intent.child("shipping")?.text("email"))
        contact.offerPhone(intent.child("shipping")?.text("phone"))
        if contact.isEmpty { contact.offerExternalID(.stripe, "order:\(orderID)") }
        let currency = try Self.currency(intent, field: "data.object.currency")
        let minor = intent.integer("amount_received") ?? intent.integer("amount") ?? 0
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["lines"] = []
        properties["total"] = .double(StripeAmount.major(max(0, minor), currency: currency))
        properties["currency"] = .string(currency)
        properties["payment_intent_id"] = .string(intentID)
        let event = EventEnvelope(
            type: .orderPlaced, occurredAt: at, idempotencyKey: "stripe:order.placed:\(intentID)", contact: contact, properties: properties)
        return .events([event.json])
    }

    /// `amount_refunded` is the charge's running total, so the refund is what it grew by since `previous_attributes`.
    private func chargeRefunded(
        _ charge: JSONValue, previous: JSONValue?, eventID: String, at: Date
    ) throws(WebhookPayloadError)
        -> WebhookTranslation
    {
        guard let chargeID = charge.text("id") else { throw .missing("data.object.id") }
        let currency = try Self.currency(charge, field: "data.object.currency")
        let refunded = charge.integer("amount_refunded") ?? 0
        let minor = refunded - (previous?.integer("amount_refunded") ?? 0)
        guard minor > 0 else {
            return .ignored(IgnoreReason("zero_refund", "charge \(chargeID) has no newly refunded amount"))
        }
        let paymentIntent = Self.identifier(charge["payment_intent"])
        let orderID = charge.child("metadata")?.text("order_id") ?? paymentIntent ?? chargeID
        var contact = Self.customer(charge["customer"])
        contact.offerEmail(charge.child("billing_details")?.text("email"))
        contact.offerEmail(charge.text("receipt_email"))
        contact.offerPhone(charge.child("billing_details")?.text("phone"))
        if contact.isEmpty { contact.offerExternalID(.stripe, "order:\(orderID)") }
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["amount"] = .double(StripeAmount.major(minor, currency: currency))
        properties["currency"] = .string(currency)
        properties["charge_id"] = .string(chargeID)
        let event = EventEnvelope(
            type: .orderRefunded, occurredAt: at, idempotencyKey: "stripe:\(eventID)", contact: contact, properties: properties)
        return .events([event.json])
    }

    /// The Stripe customer as `stripe:cus_…`, whether the field is an id or an expanded object.
    static func customer(_ value: JSONValue?) -> ContactHint {
        var contact = ContactHint()
        contact.offerExternalID(.stripe, identifier(value))
        if let value, case .object = value {
            contact.offerEmail(value.text("email"))
            contact.offerPhone(value.text("phone"))
        }
        return contact
    }

    /// An id written as a string, or the `id` of an expanded object.
    static func identifier(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let id): id.isEmpty ? nil : id
        case .object: value?.text("id")
        default: nil
        }
    }

    static func currency(_ object: JSONValue, field: String) throws(WebhookPayloadError) -> String {
        guard let currency = object.text("currency"), currency.count == 3 else { throw .missing(field, "must be a three-letter currency code") }
        return currency.uppercased()
    }
}
