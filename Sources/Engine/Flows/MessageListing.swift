import AutopilotCore
import Foundation
import Storage

/// A message as `autopilot messages --json` and the API list it.
public struct MessageListing: Sendable, Codable, Equatable {
    public var id: String
    /// The contact's email when known, else the contact id.
    public var contact: String
    public var flow: String?
    public var step: String?
    public var channel: String
    public var template: String
    /// queued, sent, delivered, opened, clicked, replied, blocked, failed, skipped (bounced shows as failed).
    public var status: String
    public var scheduledAt: String
    public var sentAt: String?
    public var blockedReason: String?
    public var subject: String?
    public var body: String?
    public var sender: String?
    public var attempts: Int
    public var lastError: String?
    /// What allowed it to be sent: `consent`, `legitimate_interest` or `contract` (docs/smart-sending.md).
    public var lawfulBasis: String?

    enum CodingKeys: String, CodingKey {
        case id, contact, flow, step, channel, template, status, subject, body, sender, attempts
        case lawfulBasis = "lawful_basis"
        case scheduledAt = "scheduled_at"
        case sentAt = "sent_at"
        case blockedReason = "blocked_reason"
        case lastError = "last_error"
    }

    init(_ listed: ListedMessage) {
        let message = listed.message
        id = message.id
        contact = listed.contactEmail ?? message.contactID
        flow = message.flowID
        step = message.step
        channel = message.channel.rawValue
        template = message.template
        status = Self.status(outbox: message.status, timeline: listed.timelineStatus)
        scheduledAt = Timestamp.format(message.scheduledAt)
        sentAt = message.sentAt.map(Timestamp.format)
        blockedReason = message.blockedReason
        subject = message.subject
        body = message.body
        sender = message.sender
        attempts = message.attempts
        lastError = message.lastError
        lawfulBasis = message.options.lawfulBasis
    }

    /// The outbox status, moved on by what came back (delivered, opened, clicked, replied; a bounce is a failure).
    static func status(outbox: MessageStatus, timeline: String?) -> String {
        guard outbox == .sent, let timeline = timeline.flatMap(MessageStatus.init) else { return outbox.rawValue }
        switch timeline {
        case .delivered, .opened, .clicked, .replied: return timeline.rawValue
        case .bounced, .failed: return MessageStatus.failed.rawValue
        case .queued, .sent, .blocked, .skipped: return outbox.rawValue
        }
    }
}

/// Read-only questions about flows and messages.
public struct FlowQueries: Sendable {
    public let store: any AutopilotStore

    public init(store: any AutopilotStore) {
        self.store = store
    }

    /// The tenant's messages in scheduling order, optionally for one contact (by email).
    public func messages(tenantID: String, contactEmail: String? = nil) async throws -> [MessageListing] {
        var contactID: String?
        if let contactEmail {
            guard let id = try await store.contactID(email: contactEmail.lowercased().trimmedWhitespace, tenantID: tenantID) else { return [] }
            contactID = id
        }
        return try await store.outboxMessages(tenantID: tenantID, contactID: contactID, limit: 1_000_000).map(MessageListing.init)
    }
}
