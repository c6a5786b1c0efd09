import AutopilotCore
import Foundation

/// One message of a contact's history, as the decision rules read it: who sent it, on which channel, and what the
/// channel reported back (delivery, open or read receipt, reply).
public struct ContactMessage: Sendable, Hashable, Codable {
    /// The message id; it becomes part of the id of a recommendation the message triggers.
    public var id: String
    public var direction: MessageDirection
    public var channel: Channel
    /// When it was sent (outbound) or received (inbound).
    public var sentAt: Date
    public var deliveredAt: Date?
    /// When it was opened (email) or read (WhatsApp read receipt). SMS never reports it.
    public var openedAt: Date?
    /// When the channel reported a reply to this message.
    public var repliedAt: Date?
    /// The template it was written from, when known.
    public var template: String?
    /// Part of a conversation: sent by a person, by an accepted recommendation, by a flow step marked as a conversation,
    /// or recorded through the API without being marked as marketing. A flow's marketing or transactional message is not:
    /// its flow follows it up, so the message rules (not opened, opened without reply, silence) leave it alone unless
    /// the contact is a lead. Inbound messages are always part of the conversation.
    public var isConversation: Bool

    public init(
        id: String, direction: MessageDirection, channel: Channel, sentAt: Date, deliveredAt: Date? = nil, openedAt: Date? = nil,
        repliedAt: Date? = nil, template: String? = nil, isConversation: Bool = true
    ) {
        self.isConversation = isConversation
        self.id = id
        self.direction = direction
        self.channel = channel
        self.sentAt = sentAt
        self.deliveredAt = deliveredAt
        self.openedAt = openedAt
        self.repliedAt = repliedAt
        self.template = template
    }
}
