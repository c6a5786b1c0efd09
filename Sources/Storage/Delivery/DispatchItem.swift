import AutopilotCore
import Foundation

/// A claimed outbox message with what the dispatcher needs to decide and render it.
public struct DispatchItem: Sendable {
    public var message: OutboxRecord
    public var contact: ContactRecord?
    /// The contact's messages sent recently (any flow), for frequency caps.
    public var recentSends: [(channel: Channel, purpose: MessagePurpose, sentAt: Date)]
    public var emailHardBounced: Bool
    /// The contact is a B2B lead (a `lead.created` names them): email prospecting may rest on legitimate interest.
    public var isLead: Bool

    public init(
        message: OutboxRecord, contact: ContactRecord?, recentSends: [(channel: Channel, purpose: MessagePurpose, sentAt: Date)] = [],
        emailHardBounced: Bool = false, isLead: Bool = false
    ) {
        self.isLead = isLead
        self.message = message
        self.contact = contact
        self.recentSends = recentSends
        self.emailHardBounced = emailHardBounced
    }
}

/// An outbox message as listed: the outbox row, the contact's email, and how far its timeline went.
public struct ListedMessage: Sendable {
    public var message: OutboxRecord
    public var contactEmail: String?
    /// delivered, opened, clicked, replied, bounced… from message events; nil when none came back.
    public var timelineStatus: String?
}
