import AutopilotCore
import Foundation

/// Something that delivers a rendered message to a person: the log (default), SMTP, Twilio, WhatsApp, Omnisend…
///
/// The dispatcher calls `send` once per attempt. A sender never throws: it answers what happened, and the dispatcher records
/// it (sent with the provider's id, or a failure that is retried when transient). The idempotency key travels with every
/// attempt so that a provider able to deduplicate (a Message-ID, an idempotency header) can after a crash between sending
/// and recording.
public protocol MessageSender: Sendable {
    /// The sender's name as recorded with each message (`log`, `smtp`, `twilio`…).
    var name: String { get }

    /// True when calling `send` again with the same idempotency key reaches no person twice: the provider deduplicates it,
    /// or nothing leaves the machine (the log). The dispatcher may then record such a sender's outcomes in groups; for
    /// every other sender it records each outcome as soon as the provider answers, so a crash re-sends at most one message.
    var toleratesRepeats: Bool { get }

    /// True when the sender speaks to WhatsApp itself and can send approved templates (Meta's Cloud API): WhatsApp's
    /// 24-hour customer service window then applies to what it sends.
    var sendsWhatsAppTemplates: Bool { get }

    func send(_ message: OutboundMessage) async -> SendOutcome
}

extension MessageSender {
    public var toleratesRepeats: Bool { false }
    public var sendsWhatsAppTemplates: Bool { false }
}

/// A message ready to leave: rendered, addressed, checked by the smart-sending policy.
public struct OutboundMessage: Sendable, Hashable {
    /// Our message id (also the tracking id).
    public var id: String
    public var tenantID: String
    /// Unique per flow run and step (or per recommendation): the same message is never sent twice on purpose.
    public var idempotencyKey: String
    public var channel: Channel
    /// An email address, or a phone number in E.164 for SMS and WhatsApp.
    public var recipient: String
    /// The sender address or number; nil: the sender's configured default.
    public var from: String?
    /// Email only.
    public var subject: String?
    /// The plain-text body (the SMS or WhatsApp text).
    public var text: String
    /// Email only: the HTML alternative.
    public var html: String?
    /// Email only: the one-click unsubscribe URL for `List-Unsubscribe` (RFC 8058).
    public var unsubscribeURL: String?
    /// WhatsApp only: an approved template to send instead of `text` (outside the 24-hour window), its variables
    /// already rendered.
    public var whatsappTemplate: WhatsAppTemplateOptions?
    /// Email only: the envelope sender (`MAIL FROM`) when it is not the From address: the tenant's VERP bounce address
    /// (`bounce+<message id>@shop.example`), where bounces come back.
    public var returnPath: String?

    public init(
        id: String, tenantID: String, idempotencyKey: String, channel: Channel, recipient: String, from: String? = nil, subject: String? = nil,
        text: String, html: String? = nil, unsubscribeURL: String? = nil, whatsappTemplate: WhatsAppTemplateOptions? = nil,
        returnPath: String? = nil
    ) {
        self.whatsappTemplate = whatsappTemplate
        self.returnPath = returnPath
        self.id = id
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.channel = channel
        self.recipient = recipient
        self.from = from
        self.subject = subject
        self.text = text
        self.html = html
        self.unsubscribeURL = unsubscribeURL
    }
}

/// What became of one attempt.
public enum SendOutcome: Sendable, Hashable {
    /// Accepted by the provider; `providerID` is its id for the message (SMTP queue id, Twilio SID), when it gives one.
    case sent(providerID: String?)
    case failed(SendFailure)
}

/// Why an attempt failed, and whether trying again can help.
public struct SendFailure: Error, Sendable, Hashable {
    /// `connection`, `timeout`, `rejected_recipient`, `rate_limited`, `server_error`, `invalid_message`…
    public var code: String
    /// A human sentence naming the cause, kept with the message.
    public var reason: String
    /// True when a later attempt may succeed (connection refused, 4xx SMTP reply, HTTP 429/5xx).
    public var isTransient: Bool
    /// The provider asked to wait this long before the next attempt.
    public var retryAfter: TimeInterval?

    public init(code: String, reason: String, isTransient: Bool, retryAfter: TimeInterval? = nil) {
        self.code = code
        self.reason = reason
        self.isTransient = isTransient
        self.retryAfter = retryAfter
    }
}
