import AutopilotCore
import Foundation

/// The team's assistant MAX: conversations, their messages and drafts. Every operation is scoped by tenant.
public protocol AssistantStore: Sendable {
    func assistantConversation(id: String, tenantID: String) async throws -> AssistantConversationRecord?
    /// The tenant's conversations (only `owner`'s when given), most recently active first.
    func assistantConversations(tenantID: String, owner: String?, limit: Int) async throws -> [AssistantConversationRecord]
    /// Every message of a conversation, in order.
    func assistantMessages(conversationID: String, tenantID: String) async throws -> [AssistantMessageRecord]
    /// Every draft of a conversation, oldest first.
    func assistantDrafts(conversationID: String, tenantID: String) async throws -> [AssistantDraftRecord]
    /// The user's message a client sent with this id in the tenant, with the reply that followed it.
    func assistantTurn(clientMessageID: String, tenantID: String) async throws -> [AssistantMessageRecord]
    /// Saves a turn in one transaction (see `AssistantAppendOutcome`).
    func appendAssistantTurn(_ turn: AssistantTurnRecord) async throws -> AssistantAppendOutcome
    /// Moves a pending draft to running, in one transaction, so that it runs once however many confirm it at once.
    func claimAssistantDraft(conversationID: String, callID: String, tenantID: String, by: String, at: Date) async throws -> AssistantDraftClaim
    /// Sets a draft's status whatever it was (a running draft back to pending when its turn could not finish).
    func settleAssistantDraft(conversationID: String, tenantID: String, _ settlement: AssistantDraftSettlement, at: Date) async throws
}
