import AutopilotCore
import Foundation

/// What the policy needs to know about a message about to be dispatched.
public struct OutgoingMessageFacts: Sendable, Hashable {
    /// The channel it goes out on.
    public var channel: Channel
    /// Marketing or transactional.
    public var purpose: MessagePurpose
    /// When the message was first due; the maximum deferral counts from here. Nil: counts from the decision time.
    public var scheduledAt: Date?
    /// After this moment the message has lost its point (an abandoned-cart SMS after the cart's offer ended).
    public var expiresAt: Date?

    public init(channel: Channel, purpose: MessagePurpose, scheduledAt: Date? = nil, expiresAt: Date? = nil) {
        self.channel = channel
        self.purpose = purpose
        self.scheduledAt = scheduledAt
        self.expiresAt = expiresAt
    }
}
