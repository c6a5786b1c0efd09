import AutopilotCore
import Foundation
import Storage

/// How the demo's customers answer the messages flows send them: some open, some click, some then order. Deterministic:
/// every draw comes from the seed and the message id. Rates are of the order seen in small e-commerce shops (email open
/// ~45%, click ~25% of opens, an order from ~30% of clicks — more for an abandoned cart); transactional messages get no order.
struct DemoAudience {
    let seed: UInt64
    let catalog: [DemoProduct]

    /// A message as the audience sees it.
    struct Sent {
        var messageID: String
        var channel: String
        var template: String
        var sentAt: Date
        var contact: ContactRecord
    }

    func responses(to message: Sent) -> [JSONValue] {
        guard !Self.transactional.contains(message.template), !catalog.isEmpty else { return [] }
        var random = DemoRandom(seed: seed, stream: Self.stream(message.messageID), salt: 0xA0D1)
        let identity: JSONValue =
            message.contact.email.map { ["email": .string($0)] } ?? message.contact.phone.map { ["phone": .string($0)] } ?? .null
        guard identity != .null else { return [] }
        var events: [JSONValue] = []
        var at = message.sentAt
        if message.channel == "email" {
            guard random.chance(0.45) else { return [] }
            at = at.addingTimeInterval(random.double(20 * 60, 8 * 3_600))
            events.append(envelope("message.opened", message, at: at, contact: identity))
        }
        guard random.chance(message.channel == "email" ? 0.25 : 0.15) else { return events }
        at = at.addingTimeInterval(random.double(60, 10 * 60))
        events.append(envelope("message.clicked", message, at: at, contact: identity))
        let buys = message.template.hasPrefix("abandoned-cart") ? 0.45 : (message.channel == "email" ? 0.30 : 0.35)
        guard random.chance(buys) else { return events }
        at = at.addingTimeInterval(random.double(15 * 60, 36 * 3_600))
        let product = catalog[random.int(0...(catalog.count - 1))]
        let quantity = random.int(1...2)
        let total = (product.price * Double(quantity) * 100).rounded() / 100
        events.append([
            "type": "order.placed", "occurred_at": .string(Timestamp.format(at)),
            "idempotency_key": .string("demo-response-order:" + message.messageID),
            "contact": identity,
            "properties": [
                "order_id": .string("R-" + String(message.messageID.suffix(10))),
                "lines": [["sku": .string(product.sku), "quantity": .int(Int64(quantity)), "price": .double(product.price)]], "total": .double(total),
                "currency": "EUR",
            ],
        ])
        return events
    }

    private func envelope(_ type: String, _ message: Sent, at: Date, contact: JSONValue) -> JSONValue {
        [
            "type": .string(type), "occurred_at": .string(Timestamp.format(at)), "idempotency_key": .string("demo-\(type):\(message.messageID)"),
            "contact": contact, "properties": ["message_id": .string(message.messageID), "channel": .string(message.channel)],
        ]
    }

    static let transactional: Set<String> = ["order-confirmation-sms", "shipping-notification-sms"]

    static func stream(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
