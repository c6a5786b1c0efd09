import AutopilotCore
import Foundation

/// Translates Twilio Messaging callbacks (form-encoded) into events. See docs/webhooks.md for the mapping.
///
/// - Status callbacks (`MessageStatus`): `sent` → message.sent, `delivered` → message.delivered, `read` (WhatsApp) →
///   message.opened, `failed` and `undelivered` → message.failed; `queued`, `sending`, `accepted`… bring nothing new.
///   The contact is the recipient (`To`), `message_id` the `MessageSid`.
/// - Inbound messages (`Body` with no status, or status `received`): an opt-out keyword (or Twilio's `OptOutType=STOP`)
///   → contact.unsubscribed for that channel, and nothing else — a STOP is not a conversation to hand to a person;
///   any other text → message.replied with the text. Its `message_id` is the message being answered when WhatsApp
///   says so (`OriginalRepliedMessageSid`); the inbound message's own sid is kept as `inbound_message_id`.
///
/// The channel is `whatsapp` when the address starts with `whatsapp:`, else `sms`. Twilio callbacks carry no date, so
/// events are dated when the request arrived.
public struct TwilioTranslator: Sendable {
    public init() {}

    /// `twilio:<MessageSid>:<status>`: each status of a message is its own delivery.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        guard let form = FormBody(delivery.rawBody), let sid = Self.messageSid(form) else { return nil }
        return "twilio:\(sid):\(Self.status(form) ?? "received")"
    }

    /// Events for a delivery whose signature was verified, or why it carries none; throws when it cannot be read.
    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let form = FormBody(delivery.rawBody) else {
            throw WebhookPayloadError(code: "malformed_body", field: nil, message: "the body is not application/x-www-form-urlencoded UTF-8")
        }
        guard let sid = Self.messageSid(form) else { throw .missing("MessageSid") }
        let status = Self.status(form)
        if status == nil || status == "received" || status == "receiving" {
            guard form["Body"] != nil || form["OptOutType"] != nil else {
                throw .missing("MessageStatus", "or Body is required")
            }
            return inbound(form, sid: sid, at: delivery.now)
        }
        return statusCallback(form, sid: sid, status: status ?? "", at: delivery.now)
    }

    private func statusCallback(_ form: FormBody, sid: String, status: String, at: Date) -> WebhookTranslation {
        let types: [String: EventType] = [
            "sent": .messageSent, "delivered": .messageDelivered, "read": .messageOpened, "failed": .messageFailed, "undelivered": .messageFailed,
        ]
        guard let type = types[status] else {
            return .ignored(IgnoreReason("status_without_event", "message \(sid) is \"\(status)\": nothing to record"))
        }
        guard let (channel, phone) = Self.address(form["To"]) else {
            return .ignored(IgnoreReason("no_contact", "message \(sid) was sent to an address that is not an international phone number"))
        }
        var contact = ContactHint()
        contact.offerPhone(phone)
        var properties: JSONObject = ["message_id": .string(sid), "channel": .string(channel.rawValue), "provider": "twilio"]
        properties.set("error_code", form["ErrorCode"])
        let event = EventEnvelope(type: type, occurredAt: at, idempotencyKey: "twilio:\(sid):\(status)", contact: contact, properties: properties)
        return .events([event.json])
    }

    private func inbound(_ form: FormBody, sid: String, at: Date) -> WebhookTranslation {
        guard let (channel, phone) = Self.address(form["From"]) else {
            return .ignored(IgnoreReason("no_contact", "message \(sid) came from an address that is not an international phone number"))
        }
        var contact = ContactHint()
        contact.offerPhone(phone)
        let text = form["Body"] ?? ""
        if form["OptOutType"]?.uppercased() == "STOP" || OptOutKeywords.isOptOut(text) {
            var properties: JSONObject = ["channel": .string(channel.rawValue), "source": "twilio"]
            properties.set("keyword", text.trimmingCharacters(in: .whitespacesAndNewlines))
            let event = EventEnvelope(
                type: .contactUnsubscribed, occurredAt: at, idempotencyKey: "twilio:\(sid):unsubscribed", contact: contact, properties: properties)
            return .events([event.json])
        }
        var properties: JSONObject = ["channel": .string(channel.rawValue), "inbound_message_id": .string(sid), "provider": "twilio"]
        properties.set("message_id", form["OriginalRepliedMessageSid"])
        properties.set("text", String(text.prefix(20_000)))
        let event = EventEnvelope(
            type: .messageReplied, occurredAt: at, idempotencyKey: "twilio:\(sid):received", contact: contact, properties: properties)
        return .events([event.json])
    }

    static func messageSid(_ form: FormBody) -> String? {
        (form["MessageSid"] ?? form["SmsMessageSid"] ?? form["SmsSid"]).flatMap { $0.isEmpty ? nil : $0 }
    }

    static func status(_ form: FormBody) -> String? {
        (form["MessageStatus"] ?? form["SmsStatus"]).flatMap { $0.isEmpty ? nil : $0.lowercased() }
    }

    /// The channel and E.164 number of a Twilio address (`+336…` or `whatsapp:+336…`); nil for other kinds of address.
    static func address(_ raw: String?) -> (Channel, String)? {
        guard let raw else { return nil }
        let whatsapp = raw.lowercased().hasPrefix("whatsapp:")
        let number = whatsapp ? String(raw.dropFirst("whatsapp:".count)) : raw
        guard let phone = ContactFields.normalizePhone(number) else { return nil }
        return (whatsapp ? .whatsapp : .sms, phone)
    }
}
