import AutopilotCore
import Foundation

/// The visitors' chat: widget keys, conversations and their messages. Every operation but the widget key lookup (a
/// public key names its tenant) is scoped by tenant.
public protocol ConversationStore: Sendable {
    func addWidgetKey(_ key: WidgetKeyRecord) async throws
    /// The key as stored, revoked or not; nil when unknown.
    func widgetKey(_ key: String) async throws -> WidgetKeyRecord?
    func widgetKeys(tenantID: String) async throws -> [WidgetKeyRecord]
    /// False when the tenant has no such live key.
    func revokeWidgetKey(_ key: String, tenantID: String, at: Date) async throws -> Bool

    /// A new conversation with its first messages (the agent's greeting), in one transaction.
    func createConversation(_ conversation: ConversationRecord, messages: [ConversationMessageRecord]) async throws
    func conversation(id: String, tenantID: String) async throws -> ConversationRecord?
    /// The tenant's conversations, most recently active first.
    func conversations(tenantID: String, status: ConversationStatus?, limit: Int) async throws -> [ConversationRecord]
    /// Messages after position `afterSeq`, in order.
    func conversationMessages(conversationID: String, tenantID: String, afterSeq: Int, limit: Int) async throws -> [ConversationMessageRecord]
    /// The last message of each of these conversations of the tenant, by conversation id (for the team's list).
    func lastConversationMessages(conversationIDs: [String], tenantID: String) async throws -> [String: ConversationMessageRecord]
    /// The visitor's message a client sent with this id, and the messages that followed it in the same turn.
    func conversationTurn(clientMessageID: String, conversationID: String, tenantID: String) async throws -> [ConversationMessageRecord]
    /// Appends a turn and saves the conversation, in one transaction (see `ConversationAppendOutcome`).
    func appendConversationTurn(_ turn: ConversationTurnRecord) async throws -> ConversationAppendOutcome

    /// Catalog products whose title or SKU holds every word (lower-cased), in-stock first.
    func catalogProducts(matching words: [String], tenantID: String, limit: Int) async throws -> [CatalogProduct]
}
