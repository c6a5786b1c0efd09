import Engine
public import Foundation
public import Storage

/// A conversation as the team's list shows it: who the visitor is (when they said), where it stands, its last message
/// and the visitor's latest mood.
public struct ConversationSummary: Sendable {
    public var conversation: ConversationRecord
    public var lastMessage: ConversationMessageRecord?
    /// The email and phone the visitor gave in the conversation.
    public var email: String?
    public var phone: String?
    /// The visitor's latest sentiment score (-1…1), nil before their first message.
    public var sentiment: Double?

    public init(conversation: ConversationRecord, lastMessage: ConversationMessageRecord?, email: String?, phone: String?, sentiment: Double?) {
        self.conversation = conversation
        self.lastMessage = lastMessage
        self.email = email
        self.phone = phone
        self.sentiment = sentiment
    }
}

extension ConversationService {
    /// The tenant's conversations, most recently active first, with their last message (`status` filters).
    public func summaries(tenantID: String, status: ConversationStatus?, limit: Int) async throws -> [ConversationSummary] {
        let conversations = try await dependencies.store.conversations(tenantID: tenantID, status: status, limit: limit)
        let last = try await dependencies.store.lastConversationMessages(conversationIDs: conversations.map(\.id), tenantID: tenantID)
        return try conversations.map { try summary($0, last: last[$0.id]) }
    }

    /// One conversation of the tenant with all its messages (a 404 for another tenant's).
    public func transcript(conversationID: String, tenantID: String) async throws -> (ConversationSummary, [ConversationMessageRecord]) {
        let conversation = try await teamConversation(conversationID, tenantID: tenantID)
        let messages = try await dependencies.store.conversationMessages(
            conversationID: conversation.id, tenantID: tenantID, afterSeq: 0, limit: 1000)
        return (try summary(conversation, last: messages.last), messages)
    }

    private func summary(_ conversation: ConversationRecord, last: ConversationMessageRecord?) throws -> ConversationSummary {
        let state = try Self.decode(conversation.state, language: conversation.language)
        return ConversationSummary(
            conversation: conversation, lastMessage: last, email: state.email, phone: state.phone, sentiment: state.sentiments.last)
    }
}
