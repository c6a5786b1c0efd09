import Agent
import AutopilotCore
import Conversation
import Engine
import Foundation
import LLM
import Scoring
import Storage
import Tools

/// MAX, the team's assistant: keeps each person's conversations, runs the agent loop on the tenant's tools (through the
/// language-model gateway, or offline through the intent reader), shows what would change something as a draft and
/// runs it only once a person confirms it. The API and the dashboard are thin faces over it.
public struct AssistantService: Sendable {
    /// The feature label in the gateway's accounting.
    public static let feature = "assistant"

    public let dependencies: Dependencies
    public let settings: ToolSettings
    public let registry: ToolRegistry
    let model: any AgentModel

    /// `model` defaults to the gateway of `dependencies`, with the offline assistant when it can only answer offline.
    public init(dependencies: Dependencies, settings: ToolSettings = ToolSettings(), registry: ToolRegistry = ToolRegistry(), model: (any AgentModel)? = nil) {
        self.dependencies = dependencies
        self.settings = settings
        self.registry = registry
        self.model = model ?? AssistantModel(gateway: dependencies.ai.gateway)
    }

    var store: any AutopilotStore { dependencies.store }

    /// One message from the person: a new conversation when `conversationID` is nil. Drafts still waiting are declined
    /// (the person moved on). A retry with the same client message id answers the stored turn.
    public func send(_ input: AssistantMessageInput, caller: AssistantCaller) async throws -> AssistantReply {
        if let clientID = input.clientMessageID, let stored = try await replay(clientID, input: input, caller: caller) { return stored }
        let now = dependencies.clock.now()
        var record: AssistantConversationRecord
        var state = AgentConversation()
        if let id = input.conversationID {
            record = try await visibleConversation(id, caller: caller)
            state = try AssistantState.decode(record.state)
        } else {
            record = AssistantConversationRecord(
                id: dependencies.ids.make("asc"), tenantID: caller.tenantID, owner: caller.owner, title: Self.title(input.text), language: "fr",
                state: "{}", lastSeq: 0, createdAt: now, updatedAt: now)
        }
        let language = LanguageDetector.language(of: input.text) ?? ScoringLocale(rawValue: record.language) ?? .french
        record.language = language.rawValue
        let leftBehind = state.awaitingConfirmation.map {
            AssistantDraftSettlement(callID: $0.id, status: .declined, result: nil, decidedBy: caller.toolCaller.description)
        }
        let turn = try await Self.running { try await loop(for: caller).send(input.text, in: state) }
        let message = AssistantMessageRecord(
            id: dependencies.ids.make("asm"), conversationID: record.id, seq: record.lastSeq + 1, role: .user, text: input.text,
            clientMessageID: input.clientMessageID, createdAt: now)
        do {
            return try await save(turn, record: record, userMessage: message, settled: leftBehind, caller: caller)
        } catch AssistantSaveConflict.duplicate {
            if let clientID = input.clientMessageID, let stored = try await replay(clientID, input: input, caller: caller) { return stored }
            throw AssistantError.outdated
        } catch is AssistantSaveConflict {
            throw AssistantError.outdated
        }
    }

    /// The person confirms the draft `callID`: it runs (once, however many confirm it at the same time), then MAX goes on.
    public func confirm(conversationID: String, callID: String, caller: AssistantCaller) async throws -> AssistantReply {
        guard !caller.readOnly else { throw AssistantError.readOnly }
        let record = try await visibleConversation(conversationID, caller: caller)
        let now = dependencies.clock.now()
        let by = caller.toolCaller.description
        switch try await store.claimAssistantDraft(conversationID: record.id, callID: callID, tenantID: caller.tenantID, by: by, at: now) {
        case .notFound:
            throw AssistantError.draftNotFound(callID)
        case .settled(let draft) where draft.status == .confirmed || draft.status == .failed:
            return try await latestReply(record, caller: caller)
        case .settled(let draft):
            throw Self.refusal(draft)
        case .claimed:
            break
        }
        let turn: AgentTurn
        do {
            let state = try AssistantState.decode(record.state)
            turn = try await Self.running { try await loop(for: caller).confirm(callID, in: state) }
        } catch {
            let back = AssistantDraftSettlement(callID: callID, status: .pending, result: nil, decidedBy: nil)
            try? await store.settleAssistantDraft(conversationID: record.id, tenantID: caller.tenantID, back, at: now)
            throw error
        }
        let run = turn.toolRuns.first { $0.call.id == callID }
        let settlement = AssistantDraftSettlement(
            callID: callID, status: run?.status == .succeeded ? .confirmed : .failed, result: run?.content, decidedBy: by)
        do {
            return try await save(turn, record: record, userMessage: nil, settled: [settlement], caller: caller)
        } catch {
            try? await store.settleAssistantDraft(conversationID: record.id, tenantID: caller.tenantID, settlement, at: now)
            throw error is AssistantSaveConflict ? AssistantError.outdated : error
        }
    }

    /// The person declines the draft `callID`: nothing runs; MAX hears it and goes on.
    public func decline(conversationID: String, callID: String, caller: AssistantCaller) async throws -> AssistantReply {
        guard !caller.readOnly else { throw AssistantError.readOnly }
        let record = try await visibleConversation(conversationID, caller: caller)
        let drafts = try await store.assistantDrafts(conversationID: record.id, tenantID: caller.tenantID)
        guard let draft = drafts.first(where: { $0.callID == callID }) else { throw AssistantError.draftNotFound(callID) }
        if draft.status == .declined { return try await latestReply(record, caller: caller) }
        guard draft.status == .pending else { throw Self.refusal(draft) }
        let state = try AssistantState.decode(record.state)
        let turn = try await Self.running { try await loop(for: caller).decline(callID, in: state) }
        let settlement = AssistantDraftSettlement(callID: callID, status: .declined, result: nil, decidedBy: caller.toolCaller.description)
        do {
            return try await save(turn, record: record, userMessage: nil, settled: [settlement], caller: caller)
        } catch is AssistantSaveConflict {
            throw AssistantError.outdated
        }
    }

    /// A conversation the caller may see, with its messages and drafts.
    public func conversation(id: String, caller: AssistantCaller) async throws -> AssistantConversationView {
        let record = try await visibleConversation(id, caller: caller)
        async let messages = store.assistantMessages(conversationID: id, tenantID: caller.tenantID)
        async let drafts = store.assistantDrafts(conversationID: id, tenantID: caller.tenantID)
        return AssistantConversationView(record, messages: try await messages, drafts: try await drafts, french: record.language == "fr")
    }

    /// The caller's conversations (an API key: the tenant's), most recent first.
    public func conversations(caller: AssistantCaller, limit: Int = 50) async throws -> [AssistantConversationSummary] {
        let records = try await store.assistantConversations(
            tenantID: caller.tenantID, owner: caller.seesWholeTenant ? nil : caller.owner, limit: limit)
        return records.map { AssistantConversationSummary(id: $0.id, title: $0.title, updatedAt: $0.updatedAt) }
    }

    /// Whether a language model answers (else the offline reader does).
    public var isOnline: Bool { !dependencies.ai.providerNames.isEmpty }
}
