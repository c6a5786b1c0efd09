import AutopilotCore
import Foundation

/// A claimed outbox message with what the dispatcher needs to decide and render it.
public struct DispatchItem: Sendable {
    public var message: OutboxRecord
    public var contact: ContactRecord?
    /// The contact's messages sent recently (any flow), for frequency caps.
    public var recentSends: [(channel: Channel, purpose: String, sentAt: Date)]
    public var emailHardBounced: Bool
    /// Set when the message's run has exited since it was queued (an order, a reply, an unsubscribe): it must not go.
    public var runExitReason: String?
}

/// An outbox message as listed: the outbox row, the contact's email, and how far its timeline went.
public struct ListedMessage: Sendable {
    public var message: OutboxRecord
    public var contactEmail: String?
    /// delivered, opened, clicked, replied, bounced… from message events; nil when none came back.
    public var timelineStatus: String?
}
