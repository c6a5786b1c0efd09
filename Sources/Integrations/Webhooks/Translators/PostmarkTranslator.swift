import AutopilotCore
import Foundation

/// Translates Postmark's webhooks (JSON, `RecordType`) and inbound email (JSON with `FromFull`) into events. Postmark
/// echoes the metadata we set on each email (`X-PM-Metadata-autopilot-message-id`), so delivery, bounce and complaint
/// records name our message.
///
/// | record | event |
/// |---|---|
/// | `Delivery` | message.delivered |
/// | `Bounce` of type HardBounce, BadEmailAddress, ManuallyDeactivated, or with `Inactive: true` | message.bounced (`bounce: hard`) |
/// | other `Bounce` types (SoftBounce, Transient, DnsError, AutoResponder…) | ignored (`soft_bounce`): the relay retries |
/// | `SpamComplaint` | contact.unsubscribed from email |
/// | inbound email | message.replied, unless a machine wrote it (ignored, `auto_reply`) |
public struct PostmarkTranslator: Sendable {
    public init() {}

    static let hardBounces: Set<String> = ["hardbounce", "bademailaddress", "manuallydeactivated"]

    /// A hash of the body: Postmark sends no delivery id, and its retries repeat the body.
    public func deliveryID(_ delivery: WebhookDelivery) -> String? {
        "postmark:" + MessageAuthentication.hex(Array(MessageAuthentication.sha256(delivery.rawBody).prefix(16)))
    }

    public func translate(_ delivery: WebhookDelivery) throws(WebhookPayloadError) -> WebhookTranslation {
        let payload = try PayloadDocument.object(delivery.rawBody)
        if payload["FromFull"] != nil || payload.text("MessageStream") == "inbound" { return inbound(payload, now: delivery.now) }
        let record = payload.text("RecordType") ?? ""
        switch record {
        case "Delivery":
            return try timeline(.messageDelivered, payload, email: payload.text("Recipient"), at: payload.date("DeliveredAt") ?? delivery.now)
        case "Bounce":
            let type = payload.text("Type") ?? ""
            guard Self.hardBounces.contains(type.lowercased()) || payload.bool("Inactive") == true else {
                return .ignored(IgnoreReason("soft_bounce", "a \(type) bounce is temporary: the relay tries again"))
            }
            return try timeline(
                .messageBounced, payload, email: payload.text("Email"), at: payload.date("BouncedAt") ?? delivery.now,
                extra: ["bounce": "hard", "reason": .string(String((payload.text("Description") ?? type).prefix(500)))])
        case "SpamComplaint":
            var contact = ContactHint()
            contact.offerEmail(payload.text("Email"))
            guard !contact.isEmpty else { return .ignored(IgnoreReason("no_contact", "the complaint names no address")) }
            let event = EventEnvelope(
                type: .contactUnsubscribed, occurredAt: payload.date("BouncedAt") ?? delivery.now,
                idempotencyKey: "postmark:complaint:\(payload.text("ID") ?? payload.text("MessageID") ?? "")", contact: contact,
                properties: ["channel": "email", "source": "postmark", "reason": "spam_complaint"])
            return .events([event.json])
        default:
            return .ignored(IgnoreReason("unsupported_topic", "Postmark record \"\(record)\" carries nothing Autopilot records"))
        }
    }

    private func timeline(
        _ type: EventType, _ payload: JSONValue, email: String?, at: Date, extra: JSONObject = [:]
    ) throws(WebhookPayloadError) -> WebhookTranslation {
        guard let postmarkID = payload.text("MessageID") else { throw .missing("MessageID") }
        var contact = ContactHint()
        contact.offerEmail(email)
        guard !contact.isEmpty else { return .ignored(IgnoreReason("no_contact", "message \(postmarkID) names no usable address")) }
        var properties: JSONObject = [
            "message_id": .string(payload.child("Metadata")?.text("autopilot-message-id") ?? "postmark:\(postmarkID)"), "channel": "email",
        ]
        for (key, value) in extra { properties[key] = value }
        let event = EventEnvelope(
            type: type, occurredAt: at, idempotencyKey: "postmark:\(postmarkID):\(type.rawValue)", contact: contact, properties: properties)
        return .events([event.json])
    }

    private func inbound(_ payload: JSONValue, now: Date) -> WebhookTranslation {
        var headers: [String: String] = [:]
        for header in payload.array("Headers") {
            if let name = header.text("Name")?.lowercased(), headers[name] == nil { headers[name] = header["Value"]?.stringValue ?? "" }
        }
        let email = InboundEmail(
            from: payload.child("FromFull")?.text("Email") ?? payload.text("From"), subject: payload.text("Subject"),
            text: payload.text("StrippedTextReply") ?? payload.text("TextBody"), messageID: headers["message-id"] ?? payload.text("MessageID"),
            inReplyTo: headers["in-reply-to"], references: headers["references"], headers: headers,
            date: payload.text("Date").flatMap(MailDate.parse) ?? now)
        if email.isAutomatic { return .ignored(IgnoreReason("auto_reply", "an automatic reply (out of office, autoresponder) is not a reply")) }
        guard let event = email.replied(provider: "postmark", key: "postmark:inbound:\(payload.text("MessageID") ?? email.messageID ?? "")") else {
            return .ignored(IgnoreReason("no_contact", "the inbound email has no usable sender address"))
        }
        return .events([event])
    }
}

/// RFC 5322 dates (`Fri, 1 Aug 2014 16:45:32 -0400`), as mail headers write them.
enum MailDate {
    static func parse(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["EEE, d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm:ss Z", "EEE, d MMM yyyy HH:mm:ss zzz"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text.replacingOccurrences(of: #"\s*\(.*\)$"#, with: "", options: .regularExpression)) { return date }
        }
        return nil
    }
}
