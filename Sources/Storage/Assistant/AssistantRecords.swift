import AutopilotCore
import Foundation

/// A conversation of a person of the team with the assistant MAX.
public struct AssistantConversationRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    /// Who holds it: `user:<user id>` for a dashboard user, `api_key:<prefix>` for an API key.
    public var owner: String
    /// The first words of the first message.
    public var title: String
    /// `fr` or `en`: the language of the latest message.
    public var language: String
    /// The agent's conversation (`AgentConversation`) as JSON.
    public var state: String
    /// The position of the last message.
    public var lastSeq: Int
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, owner: String, title: String, language: String, state: String, lastSeq: Int, createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.owner = owner
        self.title = title
        self.language = language
        self.state = state
        self.lastSeq = lastSeq
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Who wrote a message of an assistant conversation. Raw values are persisted.
public enum AssistantMessageRole: String, Sendable, Codable, Hashable {
    case user
    case assistant
}

/// One message of an assistant conversation, at its position `seq` (1, 2, …).
public struct AssistantMessageRecord: Sendable, Equatable {
    public var id: String
    public var conversationID: String
    public var seq: Int
    public var role: AssistantMessageRole
    public var text: String
    /// The id the client gave the user's message, so that a retry finds the turn.
    public var clientMessageID: String?
    /// For a reply: the model calls (provider, model, cost), the tools run and the drafts proposed, as JSON.
    public var details: String
    /// What the reply's model calls cost, in US dollars.
    public var costUSD: Double
    public var createdAt: Date

    public init(
        id: String, conversationID: String, seq: Int, role: AssistantMessageRole, text: String, clientMessageID: String? = nil,
        details: String = "{}", costUSD: Double = 0, createdAt: Date
    ) {
        self.id = id
        self.conversationID = conversationID
        self.seq = seq
        self.role = role
        self.text = text
        self.clientMessageID = clientMessageID
        self.details = details
        self.costUSD = costUSD
        self.createdAt = createdAt
    }
}

/// Where a draft stands. Raw values are persisted.
public enum AssistantDraftStatus: String, Sendable, Codable, Hashable, CaseIterable {
    /// Waiting for a person.
    case pending
    /// Confirmed; the action is running.
    case running
    /// Confirmed, and the action ran.
    case confirmed
    /// Declined, or left behind by a new message.
    case declined
    /// Confirmed, and the action failed.
    case failed
}

/// An action the assistant proposed that changes something (a template draft, a message), shown to a person first.
public struct AssistantDraftRecord: Sendable, Equatable {
    public var conversationID: String
    /// The model's call id: the draft's id in its conversation.
    public var callID: String
    public var tenantID: String
    public var tool: String
    /// The call's arguments as JSON.
    public var arguments: String
    public var status: AssistantDraftStatus
    /// What the action answered (JSON) or why it failed, once settled.
    public var result: String?
    public var createdAt: Date
    public var decidedAt: Date?
    /// Who confirmed or declined it.
    public var decidedBy: String?

    public init(
        conversationID: String, callID: String, tenantID: String, tool: String, arguments: String, status: AssistantDraftStatus,
        result: String? = nil, createdAt: Date, decidedAt: Date? = nil, decidedBy: String? = nil
    ) {
        self.conversationID = conversationID
        self.callID = callID
        self.tenantID = tenantID
        self.tool = tool
        self.arguments = arguments
        self.status = status
        self.result = result
        self.createdAt = createdAt
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}

/// A draft settled by a turn: its new status and what the action answered.
public struct AssistantDraftSettlement: Sendable, Equatable {
    public var callID: String
    public var status: AssistantDraftStatus
    public var result: String?
    public var decidedBy: String?

    public init(callID: String, status: AssistantDraftStatus, result: String?, decidedBy: String?) {
        self.callID = callID
        self.status = status
        self.result = result
        self.decidedBy = decidedBy
    }
}

/// A turn to save: the conversation after it (new when `expectedLastSeq` is 0 and it is not stored yet), its messages,
/// the drafts it proposed and the drafts it settled.
public struct AssistantTurnRecord: Sendable {
    /// The conversation's `lastSeq` as it was read before the turn: the append fails if another turn came in since.
    public var expectedLastSeq: Int
    public var conversation: AssistantConversationRecord
    /// Numbered from `expectedLastSeq + 1`.
    public var messages: [AssistantMessageRecord]
    public var newDrafts: [AssistantDraftRecord]
    public var settled: [AssistantDraftSettlement]

    public init(
        expectedLastSeq: Int, conversation: AssistantConversationRecord, messages: [AssistantMessageRecord], newDrafts: [AssistantDraftRecord],
        settled: [AssistantDraftSettlement]
    ) {
        self.expectedLastSeq = expectedLastSeq
        self.conversation = conversation
        self.messages = messages
        self.newDrafts = newDrafts
        self.settled = settled
    }
}

/// What appending an assistant turn did.
public enum AssistantAppendOutcome: Sendable, Equatable {
    case appended
    /// A message with the same client id is already there (a retry): nothing was written.
    case duplicate
    /// Another turn came in since the conversation was read: nothing was written.
    case outdated
}

/// What claiming a draft for confirmation found.
public enum AssistantDraftClaim: Sendable, Equatable {
    /// It was pending and is now running: the caller runs the action.
    case claimed(AssistantDraftRecord)
    /// It is no longer pending (confirmed, declined, running…): nothing was changed.
    case settled(AssistantDraftRecord)
    case notFound
}
