import AutopilotCore
import Foundation

/// Translates Mailgun's webhooks (JSON `event-data`) and inbound routes (`forward()`, form-encoded) into events. Mailgun
/// echoes the variables we set on each email (`X-Mailgun-Variables: {"autopilot_message_id": …}`) as `user-variables`.
///
/// | event | event |
/// |---|---|
/// | `delivered` | message.delivered |
/// | `failed` with `severity: permanent` | message.bounced (`bounce: hard`) |
/// | `failed` with `severity: temporary` | ignored (`soft_bounce`): Mailgun retries |
/// | `complained`, `unsubscribed` | contact.unsubscribed from email |
/// | an inbound route's message | message.replied, unless a machine wrote it (`auto_reply`) |
/// | an inbound route's whole MIME message (`body-mime`) | as the mailbox reads it (`InboundMailTranslator`): bounces, complaints, replies |
public struct MailgunTranslator: Sendable {
    public init() {}

    /// `mailgun:<event id>` for webhooks; `mailgun:<token>` for inbound messages (a token is unique per request).
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        if let json = try? JSONParser.parse(delivery.rawBody), let id = json["event-data"]?.text("id") ?? json["signature"]?.text("token") {
            return "mailgun:\(id)"
        }
        return FormBody(delivery.rawBody)?["token"].map { "mailgun:\($0)" }
    }

    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        if let json = try? JSONParser.parse(delivery.rawBody), case .object = json {
            guard let data = json.child("event-data") else { throw .missing("event-data") }
            return try event(data, now: delivery.now)
        }
        guard let form = FormBody(delivery.rawBody) else {
            throw WebhookPayloadError(code: "malformed_body", field: nil, message: "the body is neither JSON nor form-encoded UTF-8")
        }
        return inbound(form, now: delivery.now)
    }

    private func event(_ data: JSONValue, now: Date) throws(WebhookPayloadError) -> WebhookTranslation {
        let name = data.text("event") ?? ""
        let id = data.text("id") ?? ""
        let at = data.amount("timestamp").map { Date(timeIntervalSince1970: $0) } ?? now
        var contact = ContactHint()
        contact.offerEmail(data.text("recipient"))
        guard !contact.isEmpty else { return .ignored(IgnoreReason("no_contact", "Mailgun event \(id) names no usable recipient")) }
        let messageID =
            data.child("user-variables")?.text("autopilot_message_id") ?? data.child("message")?.child("headers")?.text("message-id").map { "mailgun:\($0)" }
        func timeline(_ type: EventType, _ extra: JSONObject = [:]) throws(WebhookPayloadError) -> WebhookTranslation {
            guard let messageID else { throw .missing("event-data.message.headers.message-id") }
            var properties: JSONObject = ["message_id": .string(messageID), "channel": "email"]
            for (key, value) in extra { properties[key] = value }
            return .events([
                EventEnvelope(type: type, occurredAt: at, idempotencyKey: "mailgun:\(id)", contact: contact, properties: properties).json
            ])
        }
        switch name {
        case "delivered":
            return try timeline(.messageDelivered)
        case "failed":
            guard data.text("severity")?.lowercased() == "permanent" else {
                return .ignored(IgnoreReason("soft_bounce", "a temporary failure: Mailgun tries again"))
            }
            let status = data.child("delivery-status")
            let reason = status?.text("description") ?? status?.text("message") ?? data.text("reason") ?? "permanent failure"
            return try timeline(.messageBounced, ["bounce": "hard", "reason": .string(String(reason.prefix(500)))])
        case "complained", "unsubscribed":
            let event = EventEnvelope(
                type: .contactUnsubscribed, occurredAt: at, idempotencyKey: "mailgun:\(id)", contact: contact,
                properties: ["channel": "email", "source": "mailgun", "reason": .string(name == "complained" ? "spam_complaint" : "unsubscribed")])
            return .events([event.json])
        default:
            return .ignored(IgnoreReason("unsupported_topic", "Mailgun event \"\(name)\" carries nothing Autopilot records"))
        }
    }

    private func inbound(_ form: FormBody, now: Date) -> WebhookTranslation {
        if let mime = form["body-mime"] {
            // A route forwarding to a URL ending in "mime": the whole message, read like the mailbox's (DSNs, ARF, replies).
            return InboundMailTranslator(source: "mailgun").translate(raw: Array(mime.utf8), fallbackKey: form["token"] ?? "", now: now)
        }
        var headers: [String: String] = [:]
        if let list = form["message-headers"].flatMap({ try? JSONParser.parse($0) })?.arrayValue {
            for pair in list {
                guard let items = pair.arrayValue, items.count == 2, let name = items[0].stringValue?.lowercased() else { continue }
                if headers[name] == nil { headers[name] = items[1].stringValue ?? "" }
            }
        }
        let email = InboundEmail(
            from: form["sender"] ?? form["from"], subject: form["subject"], text: form["stripped-text"] ?? form["body-plain"],
            messageID: form["Message-Id"] ?? headers["message-id"], inReplyTo: form["In-Reply-To"] ?? headers["in-reply-to"],
            references: form["References"] ?? headers["references"], headers: headers,
            date: form["timestamp"].flatMap(Double.init).map { Date(timeIntervalSince1970: $0) } ?? now)
        if email.isAutomatic { return .ignored(IgnoreReason("auto_reply", "an automatic reply (out of office, autoresponder) is not a reply")) }
        guard let event = email.replied(provider: "mailgun", key: "mailgun:inbound:\(email.messageID ?? form["token"] ?? "")") else {
            return .ignored(IgnoreReason("no_contact", "the inbound email has no usable sender address"))
        }
        return .events([event])
    }
}
