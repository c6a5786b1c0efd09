import Agent
import AutopilotCore
import Engine
import Foundation
import LLM
import Storage
import Tools

/// The store said another turn came first: a retry with the same client id (`duplicate`) or a concurrent one.
enum AssistantSaveConflict: Error {
    case duplicate
    case outdated
}

extension AssistantService {
    func loop(for caller: AssistantCaller) -> AgentLoop {
        let context = ToolContext(tenantID: caller.tenantID, dependencies: dependencies, caller: caller.toolCaller, settings: settings)
        let settings = AgentSettings(
            system: AssistantPrompt.system(today: dependencies.clock.now(), readOnly: caller.readOnly), feature: Self.feature,
            tenant: caller.tenantID, maxSteps: 6, maxTokens: 1_200)
        return AgentLoop(model: model, toolbox: AssistantToolbox.make(registry: registry, context: context), settings: settings)
    }

    /// Saves a turn (the person's message when there is one, MAX's reply, the drafts it proposed and settled) and
    /// answers the reply.
    func save(
        _ turn: AgentTurn, record: AssistantConversationRecord, userMessage: AssistantMessageRecord?, settled: [AssistantDraftSettlement],
        caller: AssistantCaller
    ) async throws -> AssistantReply {
        let now = dependencies.clock.now()
        let french = record.language == "fr"
        var updated = record
        updated.state = try AssistantState.encode(turn.conversation)
        updated.updatedAt = now
        var proposed: [LLMToolCall] = []
        let text: String
        switch turn.outcome {
        case .answer(let answer): text = answer
        case .needsConfirmation(let said, let calls):
            proposed = calls
            text = said.isEmpty ? AssistantPrompt.confirmPrompt(french: french) : said
        case .stopped: text = AssistantPrompt.stopped(french: french)
        }
        let facts = AssistantTurnFacts(turn, drafts: proposed.map(\.id))
        let messages = [userMessage].compactMap { $0 } + [
            AssistantMessageRecord(
                id: dependencies.ids.make("asm"), conversationID: record.id, seq: record.lastSeq + (userMessage == nil ? 1 : 2), role: .assistant,
                text: text, details: facts.json.jsonString, costUSD: facts.costUSD, createdAt: now)
        ]
        let drafts = proposed.map { call in
            AssistantDraftRecord(
                conversationID: record.id, callID: call.id, tenantID: caller.tenantID, tool: call.name, arguments: call.arguments.jsonString,
                status: .pending, createdAt: now)
        }
        let outcome = try await store.appendAssistantTurn(
            AssistantTurnRecord(expectedLastSeq: record.lastSeq, conversation: updated, messages: messages, newDrafts: drafts, settled: settled))
        switch outcome {
        case .appended: break
        case .duplicate: throw AssistantSaveConflict.duplicate
        case .outdated: throw AssistantSaveConflict.outdated
        }
        let stored = try await store.assistantDrafts(conversationID: record.id, tenantID: caller.tenantID).map { AssistantDraftView($0, french: french) }
        let settledIDs = Set(settled.map(\.callID))
        return AssistantReply(
            conversationID: record.id, messageID: messages.last?.id ?? "", text: text, facts: facts, pendingDrafts: stored.filter(\.isPending),
            settledDrafts: stored.filter { settledIDs.contains($0.id) }, duplicate: false)
    }

    /// The stored turn of a message already received with this client id; nil when there is none.
    func replay(_ clientID: String, input: AssistantMessageInput, caller: AssistantCaller) async throws -> AssistantReply? {
        let messages = try await store.assistantTurn(clientMessageID: clientID, tenantID: caller.tenantID)
        guard let first = messages.first else { return nil }
        let taken = AssistantError(
            .conflict, "client_message_id_taken", "this client_message_id was already used for another message", field: "client_message_id")
        guard let record = try await store.assistantConversation(id: first.conversationID, tenantID: caller.tenantID),
            caller.sees(owner: record.owner), first.text == input.text, input.conversationID == nil || input.conversationID == record.id
        else { throw taken }
        let reply = messages.dropFirst().first
        let french = record.language == "fr"
        let drafts = try await store.assistantDrafts(conversationID: record.id, tenantID: caller.tenantID).map { AssistantDraftView($0, french: french) }
        return AssistantReply(
            conversationID: record.id, messageID: reply?.id ?? first.id, text: reply?.text ?? "",
            facts: AssistantTurnFacts(json: (try? JSONParser.parse(reply?.details ?? "{}")) ?? .object([:])), pendingDrafts: drafts.filter(\.isPending),
            settledDrafts: [], duplicate: true)
    }

    /// The conversation's latest reply, as answered again to a confirmation or refusal already made.
    func latestReply(_ record: AssistantConversationRecord, caller: AssistantCaller) async throws -> AssistantReply {
        let messages = try await store.assistantMessages(conversationID: record.id, tenantID: caller.tenantID)
        let reply = messages.last { $0.role == .assistant }
        let french = record.language == "fr"
        let drafts = try await store.assistantDrafts(conversationID: record.id, tenantID: caller.tenantID).map { AssistantDraftView($0, french: french) }
        return AssistantReply(
            conversationID: record.id, messageID: reply?.id ?? "", text: reply?.text ?? "",
            facts: AssistantTurnFacts(json: (try? JSONParser.parse(reply?.details ?? "{}")) ?? .object([:])), pendingDrafts: drafts.filter(\.isPending),
            settledDrafts: drafts.filter { !$0.isPending }, duplicate: true)
    }

    func visibleConversation(_ id: String, caller: AssistantCaller) async throws -> AssistantConversationRecord {
        guard let record = try await store.assistantConversation(id: id, tenantID: caller.tenantID), caller.sees(owner: record.owner) else {
            throw AssistantError.conversationNotFound
        }
        return record
    }

    static func refusal(_ draft: AssistantDraftRecord) -> AssistantError {
        let message = draft.status == .running
            ? "this draft is being carried out already" : "this draft was \(draft.status.rawValue); ask MAX again if you still want it"
        return AssistantError(.conflict, "draft_\(draft.status.rawValue)", message, field: "call_id")
    }

    /// Runs the loop; its refusals become the assistant's errors, anything unexpected a plain "could not answer".
    static func running(_ body: () async throws -> AgentTurn) async throws -> AgentTurn {
        do {
            return try await body()
        } catch let error as AgentError {
            throw AssistantError(.conflict, error.code.rawValue, error.message, field: "call_id")
        } catch let error as any AutopilotError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw AssistantError(.upstreamFailure, "assistant_unavailable", "MAX could not answer just now (\(error)); try again")
        }
    }

    /// The first words of the first message, on one line.
    static func title(_ text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return line.count > 80 ? String(line.prefix(79)) + "…" : line
    }
}

/// The agent's conversation as the JSON the store keeps.
enum AssistantState {
    static func encode(_ conversation: AgentConversation) throws -> String {
        String(decoding: try JSONEncoder().encode(conversation), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> AgentConversation {
        guard text != "{}" else { return AgentConversation() }
        do {
            return try JSONDecoder().decode(AgentConversation.self, from: Data(text.utf8))
        } catch {
            throw AssistantError(.internal, "conversation_unreadable", "this conversation's saved state cannot be read")
        }
    }
}
