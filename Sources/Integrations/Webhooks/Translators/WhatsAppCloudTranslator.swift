import AutopilotCore
import Crypto
import Foundation

/// Translates WhatsApp Cloud API webhooks (`object: whatsapp_business_account`, `entry[].changes[].value`) into events.
///
/// - `statuses[]`: `sent` → message.sent, `delivered` → message.delivered, `read` → message.opened, `failed` →
///   message.failed (with the first error's code); the contact is `recipient_id`, `message_id` the `wamid`.
/// - `messages[]` (inbound): an opt-out keyword (STOP, ARRET, UNSUBSCRIBE…) → contact.unsubscribed for WhatsApp, and
///   nothing else; any other message → message.replied with its text (or its type for media), `message_id` the message
///   answered (`context.id`) when WhatsApp says so.
///
/// Dates come from each item's `timestamp` (Unix seconds); the request time when absent.
public struct WhatsAppCloudTranslator: Sendable {
    public init() {}

    /// `whatsapp:<sha256 of the body>`: Meta retries a delivery with the same body.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        "whatsapp:" + MessageAuthentication.hex(Array(SHA256.hash(data: delivery.rawBody)).prefix(16).map { $0 })
    }

    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let body = try? JSONParser.parse(delivery.rawBody), case .object = body else {
            throw WebhookPayloadError(code: "malformed_body", field: nil, message: "the body is not a JSON object")
        }
        guard body["object"]?.stringValue == "whatsapp_business_account" else {
            return .ignored(IgnoreReason("unsupported_topic", "object \(body["object"]?.jsonString ?? "null") is not whatsapp_business_account"))
        }
        guard let entries = body["entry"]?.arrayValue else { throw .missing("entry") }
        var events: [JSONValue] = []
        for entry in entries {
            for change in entry["changes"]?.arrayValue ?? [] where change["field"]?.stringValue == "messages" {
                guard let value = change["value"] else { continue }
                for status in value["statuses"]?.arrayValue ?? [] { if let event = statusEvent(status, now: delivery.now) { events.append(event) } }
                for message in value["messages"]?.arrayValue ?? [] {
                    if let event = inboundEvent(message, now: delivery.now) { events.append(event) }
                }
            }
        }
        guard !events.isEmpty else { return .ignored(IgnoreReason("status_without_event", "no status or message Autopilot records")) }
        return .events(events)
    }

    private func statusEvent(_ status: JSONValue, now: Date) -> JSONValue? {
        let types: [String: EventType] = ["sent": .messageSent, "delivered": .messageDelivered, "read": .messageOpened, "failed": .messageFailed]
        guard let id = status.text("id"), let name = status.text("status"), let type = types[name] else { return nil }
        var contact = ContactHint()
        contact.offerPhone(status.text("recipient_id").map { "+" + $0 })
        guard contact.phone != nil else { return nil }
        var properties: JSONObject = ["message_id": .string(id), "channel": "whatsapp", "provider": "whatsapp_cloud"]
        properties.set("error_code", status["errors"]?.arrayValue?.first?.text("code"))
        return EventEnvelope(
            type: type, occurredAt: Self.date(status, now: now), idempotencyKey: "whatsapp:\(id):\(name)", contact: contact, properties: properties
        ).json
    }

    private func inboundEvent(_ message: JSONValue, now: Date) -> JSONValue? {
        guard let id = message.text("id"), let from = message.text("from") else { return nil }
        var contact = ContactHint()
        contact.offerPhone("+" + from)
        guard contact.phone != nil else { return nil }
        let kind = message.text("type") ?? "text"
        let text =
            message["text"]?.text("body") ?? message["button"]?.text("text") ?? message["interactive"]?["button_reply"]?.text("title") ?? "[\(kind)]"
        let at = Self.date(message, now: now)
        if OptOutKeywords.isOptOut(text) {
            var properties: JSONObject = ["channel": "whatsapp", "source": "whatsapp_cloud"]
            properties.set("keyword", text.trimmingCharacters(in: .whitespacesAndNewlines))
            return EventEnvelope(
                type: .contactUnsubscribed, occurredAt: at, idempotencyKey: "whatsapp:\(id):unsubscribed", contact: contact, properties: properties
            ).json
        }
        var properties: JSONObject = ["channel": "whatsapp", "inbound_message_id": .string(id), "provider": "whatsapp_cloud"]
        properties.set("message_id", message["context"]?.text("id"))
        properties.set("text", String(text.prefix(20_000)))
        return EventEnvelope(
            type: .messageReplied, occurredAt: at, idempotencyKey: "whatsapp:\(id):received", contact: contact, properties: properties
        ).json
    }

    static func date(_ item: JSONValue, now: Date) -> Date {
        guard let seconds = item.integer("timestamp"), seconds > 0 else { return now }
        return min(Date(timeIntervalSince1970: TimeInterval(seconds)), now)
    }
}
