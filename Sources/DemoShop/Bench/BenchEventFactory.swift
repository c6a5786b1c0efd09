import AutopilotCore
import Foundation

/// Synthetic traffic for `autopilot bench ingest`: each simulated customer sends ten events (signup, cart, order,
/// fulfilment, delivery, three message events, a review, a wishlist item), so every projection path is exercised.
public struct BenchEventFactory: Sendable {
    public let start: Date

    public init(now: Date) {
        start = now.addingTimeInterval(-400 * 86_400)
    }

    /// The envelope of event number `index`.
    public func envelope(_ index: Int) -> JSONValue {
        let customer = index / 10
        let at = Timestamp.format(start.addingTimeInterval(Double(index) * 10))
        let contact: JSONValue = ["email": .string("customer\(customer)@bench.example"), "external_id": .string("b-\(customer)")]
        let order = "B\(customer)"
        let properties: JSONValue
        let type: String
        switch index % 10 {
        case 0:
            type = "contact.created"
            properties = ["first_name": "Camille", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true, "sms": false]]
        case 1:
            type = "cart.updated"
            properties = [
                "cart_id": .string("cart-\(customer)"), "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "value": 48.0, "currency": "EUR",
            ]
        case 2:
            type = "order.placed"
            properties = [
                "order_id": .string(order), "cart_id": .string("cart-\(customer)"), "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]],
                "total": 48.0, "currency": "EUR",
            ]
        case 3:
            type = "order.fulfilled"
            properties = ["order_id": .string(order), "tracking_number": .string("TRK\(customer)"), "carrier": "Colissimo"]
        case 4:
            type = "order.delivered"
            properties = ["order_id": .string(order)]
        case 5:
            type = "message.sent"
            properties = ["message_id": .string("m-\(customer)"), "channel": "email", "template": "welcome", "subject": "Bienvenue"]
        case 6:
            type = "message.opened"
            properties = ["message_id": .string("m-\(customer)"), "channel": "email"]
        case 7:
            type = "message.clicked"
            properties = ["message_id": .string("m-\(customer)"), "channel": "email"]
        case 8:
            type = "review.submitted"
            properties = ["order_id": .string(order), "sku": "TEA-01", "rating": 5, "has_photo": false, "text": "Très bon thé"]
        default:
            type = "wishlist.added"
            properties = ["sku": "COFFEE-02"]
        }
        return [
            "type": .string(type), "occurred_at": .string(at), "idempotency_key": .string("bench-\(index)"), "contact": contact,
            "properties": properties,
        ]
    }

    /// `{"events": [...]}` for events `range`, as the bytes a client would send.
    public func requestBody(_ range: Range<Int>) -> [UInt8] {
        var body = Array("{\"events\":[".utf8)
        body.reserveCapacity(range.count * 330)
        for index in range {
            if index != range.lowerBound { body.append(UInt8(ascii: ",")) }
            envelope(index).write(to: &body)
        }
        body.append(contentsOf: "]}".utf8)
        return body
    }
}
