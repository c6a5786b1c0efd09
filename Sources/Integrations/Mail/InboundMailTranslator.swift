import AutopilotCore
import Foundation

/// Reads one raw email that reached the shop's mailbox (through IMAP, or an inbound route forwarding the whole MIME
/// message) and says what it records:
///
/// | the email | event |
/// |---|---|
/// | a complaint (ARF, RFC 5965) | contact.unsubscribed from email (`reason: spam_complaint`) |
/// | a delivery status report (RFC 3464), `failed` with 5.x.x | message.bounced, `bounce: hard` (the address is suppressed) |
/// | the same, `failed` with 4.x.x | message.bounced, `bounce: soft` (sent again later) |
/// | the same, `delayed` | nothing (`delayed`): the relay keeps trying |
/// | the same, `delivered` / `relayed` | message.delivered |
/// | an automatic answer (RFC 3834 `Auto-Submitted`, `X-Autoreply`, out-of-office subjects) | nothing (`auto_reply`) |
/// | any other email | message.replied with the text typed, quoted history and signature removed |
///
/// A report names our message by the VERP address it came back to (`bounce+<message id>@…`), else by the enclosed
/// original's `X-Autopilot-Message-ID`, else by its `Message-ID` (`email_message_id`, which the engine looks up).
public struct InboundMailTranslator: Sendable {
    /// Where the events say they came from (`imap`, `mailgun`).
    public let source: String
    /// The tenant's bounce address (`bounce@shop.example`); nil: any `local+tag@domain`.
    public let bounceAddress: String?

    public init(source: String, bounceAddress: String? = nil) {
        self.source = source
        self.bounceAddress = bounceAddress
    }

    /// `fallbackKey` names the email when it has no Message-ID (an IMAP UID, a webhook token).
    public func translate(raw: [UInt8], fallbackKey: String, now: Date) -> WebhookTranslation {
        let message = MailMessage(raw: raw)
        let ownID = message.field("Message-ID").flatMap { InboundEmail.messageIDs($0).first } ?? fallbackKey
        let date = message.field("Date").flatMap(MailDate.parse) ?? now
        if let feedback = FeedbackReport(message) { return complaint(feedback, key: ownID, at: date) }
        if let report = DeliveryStatusReport(message) { return bounce(report, of: message, key: ownID, at: date) }
        let text = message.readableText.map(ReplyText.strip)
        let email = InboundEmail(
            from: message.decodedField("Reply-To").flatMap(InboundEmail.address) ?? message.decodedField("From"),
            subject: message.decodedField("Subject"), text: text, messageID: message.field("Message-ID"),
            inReplyTo: message.field("In-Reply-To"), references: message.field("References"), headers: message.fieldsByName, date: date)
        if email.isAutomatic { return .ignored(IgnoreReason("auto_reply", "an automatic reply (out of office, autoresponder) is not a reply")) }
        if Self.isMailerDaemon(message.field("From")) {
            return .ignored(IgnoreReason("unreadable_bounce", "a bounce that is not a delivery status report (RFC 3464) cannot be read"))
        }
        guard let event = email.replied(provider: source, key: "\(source):inbound:\(ownID)") else {
            return .ignored(IgnoreReason("no_contact", "the email has no usable sender address"))
        }
        return .events([event])
    }

    private func complaint(_ feedback: FeedbackReport, key: String, at: Date) -> WebhookTranslation {
        guard feedback.isComplaint else { return .ignored(IgnoreReason("not_spam", "a feedback report saying the mail is not spam")) }
        var contact = ContactHint()
        contact.offerEmail(feedback.complainant)
        guard !contact.isEmpty else { return .ignored(IgnoreReason("no_contact", "the complaint names no address")) }
        var properties: JSONObject = ["channel": "email", "source": .string(source), "reason": "spam_complaint"]
        properties.set("message_id", feedback.original.flatMap(ownMessageID))
        let event = EventEnvelope(type: .contactUnsubscribed, occurredAt: at, idempotencyKey: "\(source):complaint:\(key)", contact: contact, properties: properties)
        return .events([event.json])
    }

    private func bounce(_ report: DeliveryStatusReport, of message: MailMessage, key: String, at: Date) -> WebhookTranslation {
        let verp = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "To"].lazy.compactMap { message.field($0) }
            .compactMap { VERPAddress.messageID(in: $0, base: bounceAddress) }.first
        let ours = verp ?? report.original.flatMap(ownMessageID)
        let emailMessageID = report.original?.field("Message-ID").flatMap { InboundEmail.messageIDs($0).first }
        var events: [JSONValue] = []
        var delayed = 0
        for (index, recipient) in report.recipients.enumerated() {
            var contact = ContactHint()
            contact.offerEmail(recipient.address ?? report.original?.field("To").flatMap(InboundEmail.address))
            guard !contact.isEmpty else { continue }
            var properties: JSONObject = ["channel": "email", "source": .string(source)]
            let type: EventType
            switch recipient.outcome {
            case .delayed:
                delayed += 1
                continue
            case .delivered:
                type = .messageDelivered
            case .hardBounce, .softBounce:
                type = .messageBounced
                properties["bounce"] = .string(recipient.outcome.rawValue)
                let reason = [recipient.status, recipient.diagnostic].compactMap { $0 }.joined(separator: " ")
                properties["reason"] = .string(String((reason.isEmpty ? recipient.action : reason).prefix(500)))
            }
            if let ours {
                properties["message_id"] = .string(ours)
            } else if let emailMessageID {
                properties["message_id"] = .string("email:" + emailMessageID)
                properties["email_message_id"] = .string(emailMessageID)
            } else {
                properties["message_id"] = .string("email:" + key)
            }
            events.append(
                EventEnvelope(type: type, occurredAt: at, idempotencyKey: "\(source):dsn:\(key):\(index)", contact: contact, properties: properties).json)
        }
        if events.isEmpty {
            return .ignored(
                delayed > 0
                    ? IgnoreReason("delayed", "the relay has not delivered the message yet and keeps trying")
                    : IgnoreReason("no_contact", "the report names no usable recipient"))
        }
        return .events(events)
    }

    /// Our message id on an email we sent (`X-Autopilot-Message-ID`), when it is one of ours.
    private func ownMessageID(_ original: MailMessage) -> String? {
        guard let id = original.field("X-Autopilot-Message-ID")?.trimmingCharacters(in: .whitespaces), VERPAddress.isTag(id) else { return nil }
        return id
    }

    static func isMailerDaemon(_ from: String?) -> Bool {
        let address = (from.flatMap(InboundEmail.address) ?? "").lowercased()
        return address.hasPrefix("mailer-daemon@") || address.hasPrefix("postmaster@")
    }
}
