import AutopilotCore
import Foundation
import Testing

@Suite("Event validation")
struct EventValidatorTests {
    let validator = EventValidator()

    @Test func acceptsTheDocumentedEnvelope() throws {
        let event = try validator.validate(Fixtures.orderPlaced, now: Fixtures.now)
        #expect(event.type == .orderPlaced)
        #expect(event.idempotencyKey == "shop-order-1001")
        #expect(event.contact == ContactIdentifiers(email: "a@example.com", phone: "+33612345678", externalID: "c-1"))
        guard case .orderPlaced(let order) = event.payload else { Issue.record("not an order"); return }
        #expect(order.lines == [OrderLine(sku: "TEA-01", quantity: 2, price: 24)])
        #expect(order.total == 48 && order.currency == "EUR")
    }

    @Test(arguments: [
        (Fixtures.envelope("order.shipped"), "type", "not a known event type"),
        (JSONValue.object(["type": "order.delivered", "contact": ["email": "a@example.com"]]), "occurred_at", "is required"),
        (Fixtures.envelope("order.delivered", at: "2026-03-01 10:00"), "occurred_at", "not an ISO 8601"),
        (Fixtures.envelope("order.delivered", at: "2027-01-01T00:00:00Z", properties: ["order_id": "1"]), "occurred_at", "in the future"),
        (Fixtures.envelope("order.delivered", contact: nil, properties: ["order_id": "1"]), "contact", "is required"),
        (Fixtures.envelope("order.delivered", contact: [:], properties: ["order_id": "1"]), "contact", "at least one of"),
        (Fixtures.envelope("order.delivered", contact: ["email": "nope"], properties: ["order_id": "1"]), "contact.email", "not an email"),
        (Fixtures.envelope("order.delivered", contact: ["phone": "0612345678"], properties: ["order_id": "1"]), "contact.phone", "E.164"),
        (Fixtures.envelope("order.delivered"), "properties.order_id", "is required"),
        (
            Fixtures.envelope("order.placed", properties: ["order_id": "1", "lines": [["sku": "A", "price": -1]], "total": 1, "currency": "EUR"]),
            "properties.lines[0].price", "at least 0"
        ),
        (
            Fixtures.envelope("order.placed", properties: ["order_id": "1", "lines": [], "total": 1, "currency": "euro"]), "properties.currency",
            "ISO 4217"
        ),
        (Fixtures.envelope("review.submitted", properties: ["rating": 6]), "properties.rating", "at most 5"),
        (Fixtures.envelope("review.submitted", properties: ["rating": "5"]), "properties.rating", "must be an integer"),
        (Fixtures.envelope("contact.updated", properties: ["timezone": "Mars/Olympus"]), "properties.timezone", "IANA"),
        (Fixtures.envelope("contact.updated", properties: ["birthdate": "1990-02-30"]), "properties.birthdate", "YYYY-MM-DD"),
        (Fixtures.envelope("contact.updated", properties: ["consents": ["fax": true]]), "properties.consents.fax", "not a channel"),
        (Fixtures.envelope("contact.unsubscribed", properties: ["channel": "pigeon"]), "properties.channel", "email, sms, whatsapp or all"),
        (Fixtures.envelope("message.opened", properties: ["channel": "email"]), "properties.message_id", "is required"),
        (Fixtures.envelope("cart.updated", properties: ["cart_id": "c", "currency": "EUR", "lines": "x"]), "properties.lines", "must be an array"),
        (Fixtures.envelope("order.delivered", key: "", properties: ["order_id": "1"]), "idempotency_key", "must not be empty"),
    ])
    func namesTheFieldAndTheReason(envelope: JSONValue, field: String, reason: String) {
        #expect {
            _ = try validator.validate(envelope, now: Fixtures.now)
        } throws: { error in
            guard let error = error as? ValidationError else { return false }
            return error.field == field && error.message.contains(reason)
        }
    }

    @Test func catalogEventsNeedNoContact() throws {
        let event = try validator.validate(
            Fixtures.envelope("product.price_changed", contact: nil, properties: ["sku": "TEA-01", "old_price": 24, "new_price": 19.9]),
            now: Fixtures.now)
        #expect(event.contact == nil)
        #expect(event.payload == .priceChanged(sku: "TEA-01", oldPrice: 24, newPrice: 19.9))
    }

    @Test(arguments: [
        ("+33 6 12 34 56 78", "+33612345678"), ("0033612345678", "+33612345678"), ("+212 (6) 61-23-45-67", "+212661234567"),
        ("+44 7700 900123", "+447700900123"),
    ])
    func normalisesPhones(raw: String, expected: String) {
        #expect(ContactFields.normalizePhone(raw) == expected)
    }

    @Test(arguments: ["0612345678", "+33 6 12", "+33abc", "", "+0123456789"])
    func refusesNonInternationalPhones(raw: String) {
        #expect(ContactFields.normalizePhone(raw) == nil)
    }

    @Test func batchErrorsCarryTheEventIndex() {
        let body: JSONValue = ["events": [Fixtures.orderPlaced, Fixtures.envelope("order.delivered", properties: [:])]]
        #expect {
            _ = try EventBatchReader().read(body, now: Fixtures.now)
        } throws: { error in
            (error as? ValidationError)?.field == "events[1].properties.order_id"
        }
    }

    @Test func batchesAreLimited() {
        let body: JSONValue = ["events": .array(Array(repeating: Fixtures.orderPlaced, count: 1_001))]
        #expect(throws: ValidationError.self) { try EventBatchReader().read(body, now: Fixtures.now) }
        #expect(throws: ValidationError.self) { try EventBatchReader().read(["events": []], now: Fixtures.now) }
        #expect(throws: ValidationError.self) { try EventBatchReader().read([1, 2], now: Fixtures.now) }
    }
}
