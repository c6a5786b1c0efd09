import AutopilotCore
public import Foundation
public import Storage

/// A conversation as the widget and the API show it: its status, language and messages.
public struct ConversationView: Sendable, Codable, Equatable {
    public struct Message: Sendable, Codable, Equatable {
        public var id: String
        public var seq: Int
        public var role: String
        public var text: String
        /// Who of the team wrote a `team` message, when given.
        public var author: String?
        /// The visitor's sentiment (-1…1) for their messages.
        public var sentiment: Double?
        public var createdAt: Date

        enum CodingKeys: String, CodingKey {
            case id, seq, role, text, author, sentiment
            case createdAt = "created_at"
        }
    }

    public var conversationID: String
    public var status: String
    public var language: String
    /// The messages this answer adds (all of them for a listing).
    public var messages: [Message]
    /// True when the answer is the stored one of an earlier post with the same client message id.
    public var replayed: Bool

    public init(_ conversation: ConversationRecord, messages: [ConversationMessageRecord], replayed: Bool = false) {
        conversationID = conversation.id
        status = conversation.status.rawValue
        language = conversation.language
        self.messages = messages.map { Message(
                id: $0.id, seq: $0.seq, role: $0.role.rawValue, text: $0.text, author: $0.author, sentiment: $0.sentiment, createdAt: $0.createdAt) }
        self.replayed = replayed
    }

    enum CodingKeys: String, CodingKey {
        case status, language, messages, replayed
        case conversationID = "conversation_id"
    }
}
