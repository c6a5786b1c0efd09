import AutopilotCore
import Foundation

/// One message a person asks to send to one contact now (through the assistant, an MCP host, the API): a template the
/// shop approved (its active version, or the built-in one in use), the values it reads, and who asked.
public struct MessageRequest: Sendable, Hashable {
    public var contactID: String
    /// The template's name (`order-shipped`); its channel and purpose are the template's.
    public var template: String
    /// The values the template reads besides the contact, the shop and the links (`{"order": {"id": "1042"}}`).
    public var context: JSONObject
    /// The same key queues the message once, however often it is asked; nil: every request is a new message.
    public var idempotencyKey: String?
    /// Who asked (`api_key:ap_abcd`, `user:ana@example.com`), kept on the message.
    public var requestedBy: String

    public init(contactID: String, template: String, context: JSONObject = [:], idempotencyKey: String? = nil, requestedBy: String) {
        self.contactID = contactID
        self.template = template
        self.context = context
        self.idempotencyKey = idempotencyKey
        self.requestedBy = requestedBy
    }
}

/// What became of a request: queued to go now, or queued and held by a sending rule until a later moment.
public struct MessageRequestReceipt: Sendable, Hashable, Encodable {
    public var messageID: String
    /// `queued` (the worker sends it on its next pass) or `held` (it goes at `sendsAt`).
    public var status: String
    public var template: String
    public var channel: String
    public var purpose: String
    public var sendsAt: String?
    /// The rule holding it back (`quiet_hours`, `frequency_cap`…) and the same in words.
    public var heldBy: String?
    public var heldBecause: String?

    enum CodingKeys: String, CodingKey {
        case messageID = "message_id", status, template, channel, purpose, sendsAt = "sends_at", heldBy = "held_by", heldBecause = "held_because"
    }
}

/// A message request refused before anything was queued: the sending rule or check that refuses it, in words.
public struct MessageRefusal: AutopilotError, Hashable, CustomStringConvertible {
    /// `no_consent`, `unsubscribed`, `missing_address`, `template_not_active`…
    public var reason: String
    public var explanation: String

    public var category: ErrorCategory { .conflict }
    public var code: String { "message_refused" }
    public var message: String { "not sent (\(reason)): \(explanation)" }
    public var description: String { message }
}
