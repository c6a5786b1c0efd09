import AutopilotCore
import Foundation

/// A message in the outbox: queued by a flow step (once per idempotency key), then sent, blocked, failed or skipped.
public struct OutboxRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    /// `RUN_ID/steps[2]`: unique per tenant.
    public var idempotencyKey: String
    public var contactID: String
    public var runID: String?
    public var flowID: String?
    public var step: String?
    public var channel: Channel
    public var template: String
    public var purpose: MessagePurpose
    /// queued, sent, blocked (deferred, will be decided again; or held while its flow is paused), failed, skipped.
    public var status: MessageStatus
    /// What the step asked for (coupon, personalisation, the values the template reads): read once from its stored JSON,
    /// written back as that same text while unchanged.
    public var options: MessageOptions {
        didSet { storedOptions = StoredText() }
    }
    private var storedOptions = StoredText()
    public var scheduledAt: Date
    /// When the dispatcher should look at it next; nil once it is final.
    public var nextAttemptAt: Date?
    public var attempts: Int
    public var recipient: String?
    public var locale: String?
    public var subject: String?
    public var body: String?
    public var sender: String?
    public var providerID: String?
    public var sentAt: Date?
    public var blockedReason: String?
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, idempotencyKey: String, contactID: String, runID: String?, flowID: String?, step: String?, channel: Channel,
        template: String, purpose: MessagePurpose, status: MessageStatus = .queued, options: MessageOptions = MessageOptions(), scheduledAt: Date,
        nextAttemptAt: Date?,
        attempts: Int = 0, recipient: String? = nil, locale: String? = nil, subject: String? = nil, body: String? = nil, sender: String? = nil,
        providerID: String? = nil, sentAt: Date? = nil, blockedReason: String? = nil, lastError: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.contactID = contactID
        self.runID = runID
        self.flowID = flowID
        self.step = step
        self.channel = channel
        self.template = template
        self.purpose = purpose
        self.status = status
        self.options = options
        self.scheduledAt = scheduledAt
        self.nextAttemptAt = nextAttemptAt
        self.attempts = attempts
        self.recipient = recipient
        self.locale = locale
        self.subject = subject
        self.body = body
        self.sender = sender
        self.providerID = providerID
        self.sentAt = sentAt
        self.blockedReason = blockedReason
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "id", "tenant_id", "idempotency_key", "contact_id", "run_id", "flow_id", "step", "channel", "template", "purpose", "status", "options",
        "scheduled_at", "next_attempt_at", "attempts", "recipient", "locale", "subject", "body", "sender", "provider_id", "sent_at",
        "blocked_reason", "last_error", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(idempotencyKey), .text(contactID), .text(runID), .text(flowID), .text(step), .text(channel.rawValue),
            .text(template), .text(purpose.rawValue), .text(status.rawValue), .text(storedOptions.text ?? options.json), .date(scheduledAt), .date(nextAttemptAt),
            .integer(attempts),
            .text(recipient), .text(locale), .text(subject), .text(body), .text(sender), .text(providerID), .date(sentAt), .text(blockedReason),
            .text(lastError), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow, offset: Int = 0) {
        func text(_ index: Int) -> String? { row.text(offset + index) }
        func date(_ index: Int) -> Date? { row.date(offset + index) }
        self.init(
            id: text(0) ?? "", tenantID: text(1) ?? "", idempotencyKey: text(2) ?? "", contactID: text(3) ?? "", runID: text(4), flowID: text(5),
            step: text(6), channel: Channel(rawValue: text(7) ?? "") ?? .email, template: text(8) ?? "",
            purpose: MessagePurpose(rawValue: text(9) ?? "") ?? .marketing,
            status: MessageStatus(rawValue: text(10) ?? "") ?? .queued, options: MessageOptions(),
            scheduledAt: date(12) ?? .distantPast, nextAttemptAt: date(13),
            attempts: Int(row.int(offset + 14) ?? 0), recipient: text(15), locale: text(16), subject: text(17), body: text(18), sender: text(19),
            providerID: text(20), sentAt: date(21), blockedReason: text(22), lastError: text(23), createdAt: date(24) ?? .distantPast,
            updatedAt: date(25) ?? .distantPast)
        let stored = text(11) ?? "{}"
        options = MessageOptions(json: stored)
        storedOptions = StoredText(text: stored)
    }
}

/// A value's text as read from the database, kept to write it back unchanged; not part of the record's identity.
struct StoredText: Sendable, Hashable {
    var text: String?

    static func == (_: StoredText, _: StoredText) -> Bool { true }
    func hash(into _: inout Hasher) {}
}
