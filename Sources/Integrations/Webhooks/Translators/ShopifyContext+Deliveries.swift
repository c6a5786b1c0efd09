import AutopilotCore
import Foundation

extension ShopifyContext {
    /// fulfillment_events/create with status `delivered` → order.delivered at the carrier's `happened_at`. The payload
    /// names no customer: the event names the order's placeholder contact (`shopify:order:<id>`), which the engine resolves
    /// to the order's buyer. Other statuses (in transit, out for delivery, failure…) carry no event.
    func fulfillmentEvent() throws(WebhookPayloadError) -> WebhookTranslation {
        let orderID = try requiredID("order_id")
        let fulfillmentID = try requiredID("fulfillment_id")
        let status = payload.text("status")?.lowercased() ?? ""
        guard status == "delivered" else {
            return .ignored(IgnoreReason("status_without_event", "fulfillment \(fulfillmentID) of order \(orderID) is \(status), not delivered"))
        }
        return .events([delivered(orderID: orderID, fulfillmentID: fulfillmentID, contact: orderContact(payload, orderID: orderID),
                                  at: occurredAt(payload.date("happened_at"), payload.date("created_at")))])
    }

    /// fulfillments/create and fulfillments/update with `shipment_status` `delivered` → order.delivered, for the
    /// fulfillment's `email` (else the order's buyer), at its `updated_at`.
    func fulfillmentUpdate() throws(WebhookPayloadError) -> WebhookTranslation {
        let fulfillmentID = try requiredID()
        let orderID = try requiredID("order_id")
        let status = payload.text("shipment_status")?.lowercased() ?? "none"
        guard status == "delivered" else {
            return .ignored(IgnoreReason("status_without_event", "fulfillment \(fulfillmentID) of order \(orderID) is \(status), not delivered"))
        }
        var contact = ContactHint()
        contact.offerEmail(payload.text("email"))
        contact.offerPhone(payload.child("destination")?.text("phone"))
        if contact.isEmpty { contact.offerExternalID(.shopify, "order:\(orderID)") }
        return .events([delivered(orderID: orderID, fulfillmentID: fulfillmentID, contact: contact, at: occurredAt(payload.date("updated_at")))])
    }

    /// One key per fulfillment, whichever topic reports it first: the parcel is delivered once.
    private func delivered(orderID: String, fulfillmentID: String, contact: ContactHint, at: Date) -> JSONValue {
        var properties = JSONObject()
        properties["order_id"] = .string(orderID)
        properties["fulfillment_id"] = .string(fulfillmentID)
        properties.set("carrier", payload.text("tracking_company"))
        properties.set("tracking_number", payload.text("tracking_number"))
        return EventEnvelope(
            type: .orderDelivered, occurredAt: at, idempotencyKey: "shopify:order.delivered:\(fulfillmentID)", contact: contact, properties: properties
        ).json
    }
}
