import AutopilotCore
import Foundation

/// Envelopes and times the tests share.
enum Fixtures {
    static let now = Timestamp.parse("2026-03-10T12:00:00Z")!

    static func date(_ text: String) -> Date { Timestamp.parse(text)! }

    static func envelope(
        _ type: String, at: String = "2026-03-01T10:00:00Z", key: String? = nil, contact: JSONValue? = ["email": "a@example.com"],
        properties: JSONValue = [:]
    ) -> JSONValue {
        var object: JSONObject = ["type": .string(type), "occurred_at": .string(at), "properties": properties]
        if let key { object["idempotency_key"] = .string(key) }
        if let contact { object["contact"] = contact }
        return .object(object)
    }

    static func event(
        _ type: String, at: String = "2026-03-01T10:00:00Z", key: String? = nil, contact: JSONValue? = ["email": "a@example.com"],
        properties: JSONValue = [:]
    ) throws -> IncomingEvent {
        try EventValidator().validate(envelope(type, at: at, key: key, contact: contact, properties: properties), now: now)
    }

    static let orderPlaced: JSONValue = envelope(
        "order.placed", key: "shop-order-1001", contact: ["email": "a@example.com", "phone": "+33612345678", "external_id": "c-1"],
        properties: ["order_id": "1001", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "total": 48.0, "currency": "EUR"])
}
