public import AutopilotCore
public import Engine
public import Foundation
import Scoring
public import Storage

/// The shell around `ChatAgent`: opens conversations, runs a visitor's message through the agent, carries out its
/// effects (lead, hand-off, callback, timeline) and stores the turn, in that order, so that a retry of the same client
/// message id never adds a message, a lead or a notice twice (every effect has a key derived from the conversation).
public struct ConversationService: Sendable {
    public let dependencies: Dependencies
    public let capabilities: ChatCapabilities

    public init(dependencies: Dependencies, capabilities: ChatCapabilities? = nil) {
        self.dependencies = dependencies
        self.capabilities = capabilities ?? .engine(dependencies)
    }

    /// A new conversation for a visitor of the widget's tenant, with the agent's greeting in `language` (a tag such
    /// as `fr-FR`; French when absent).
    public func start(widget: WidgetKeyRecord, visitorID: String?, language: String?) async throws -> ConversationView {
        let visitorID = try ChatInput.identifier(visitorID, field: "visitor_id", required: true) ?? ""
        if let language, language.count > 35 || language.isEmpty {
            throw ChatInputError.invalid("language", "must be a language tag such as fr or en")
        }
        let locale = language.map(ScoringLocale.init(languageTag:)) ?? .french
        let now = dependencies.clock.now()
        let opening = agent(for: widget, now: now).start(language: locale)
        let id = dependencies.ids.make("cv")
        let messages = opening.replies.enumerated().map { index, text in
            ConversationMessageRecord(id: "\(id).g\(index + 1)", conversationID: id, seq: index + 1, role: .agent, text: text, createdAt: now)
        }
        let record = ConversationRecord(
            id: id, tenantID: widget.tenantID, widgetKey: widget.key, visitorID: visitorID, contactID: nil, language: locale.rawValue,
            state: try Self.encode(opening.state), status: .open, lastSeq: messages.count, createdAt: now, updatedAt: now)
        try await dependencies.store.createConversation(record, messages: messages)
        return ConversationView(record, messages: messages)
    }

    /// The visitor's message and the agent's replies. With a `clientMessageID` already seen, the stored answer.
    public func post(conversationID: String, widget: WidgetKeyRecord, visitorID: String?, text: String?, clientMessageID: String?) async throws
        -> ConversationView
    {
        let visitorID = try ChatInput.identifier(visitorID, field: "visitor_id", required: true) ?? ""
        let text = try ChatInput.text(text)
        let clientMessageID = try ChatInput.identifier(clientMessageID, field: "client_message_id", required: false)
        for _ in 0..<4 {
            let conversation = try await conversation(conversationID, widget: widget, visitorID: visitorID)
            if let clientMessageID, let replay = try await storedTurn(clientMessageID, conversation: conversation) { return replay }
            let (turn, messages) = try await run(text, clientMessageID: clientMessageID, conversation: conversation)
            switch try await dependencies.store.appendConversationTurn(turn) {
            case .appended: return ConversationView(turn.conversation, messages: messages)
            case .duplicate, .outdated: continue
            }
        }
        throw ChatInputError(category: .conflict, code: "conversation_busy", field: nil, message: "other messages keep arriving; send it again")
    }

    /// The conversation's messages after `afterSeq`, for the widget to show what the team wrote.
    public func messages(conversationID: String, widget: WidgetKeyRecord, visitorID: String?, afterSeq: Int) async throws -> ConversationView {
        let visitorID = try ChatInput.identifier(visitorID, field: "visitor_id", required: true) ?? ""
        let conversation = try await conversation(conversationID, widget: widget, visitorID: visitorID)
        let messages = try await dependencies.store.conversationMessages(
            conversationID: conversation.id, tenantID: conversation.tenantID, afterSeq: max(0, afterSeq), limit: 200)
        return ConversationView(conversation, messages: messages)
    }

    private func conversation(_ id: String, widget: WidgetKeyRecord, visitorID: String) async throws -> ConversationRecord {
        guard let conversation = try await dependencies.store.conversation(id: id, tenantID: widget.tenantID), conversation.visitorID == visitorID
        else { throw ChatInputError.conversationNotFound }
        return conversation
    }

    private func storedTurn(_ clientMessageID: String, conversation: ConversationRecord) async throws -> ConversationView? {
        let stored = try await dependencies.store.conversationTurn(
            clientMessageID: clientMessageID, conversationID: conversation.id, tenantID: conversation.tenantID)
        return stored.isEmpty ? nil : ConversationView(conversation, messages: stored, replayed: true)
    }

    /// Runs the agent and its effects; returns the turn to append and the messages it adds.
    private func run(_ text: String, clientMessageID: String?, conversation: ConversationRecord) async throws
        -> (ConversationTurnRecord, [ConversationMessageRecord])
    {
        let now = dependencies.clock.now()
        var widget: WidgetKeyRecord?
        if let key = conversation.widgetKey { widget = try await dependencies.store.widgetKey(key) }
        let state = try Self.decode(conversation.state, language: conversation.language)
        let context = ChatContext(
            tenantID: conversation.tenantID, conversationID: conversation.id, contactID: conversation.contactID, language: state.language, now: now)
        var turn = await agent(for: widget, now: now).reply(to: text, in: state, context: context)
        let base = clientMessageID.map { "\(conversation.id).\($0)" } ?? dependencies.ids.make("cm")
        var messages = [
            ConversationMessageRecord(
                id: base + ".v", conversationID: conversation.id, seq: conversation.lastSeq + 1, role: .visitor, text: text,
                clientMessageID: clientMessageID, sentiment: turn.sentiment, createdAt: now)
        ]
        let notes = try await carryOut(turn.effects, key: base, context: context)
        for (index, reply) in (turn.replies + notes).enumerated() {
            messages.append(
                ConversationMessageRecord(
                    id: "\(base).a\(index + 1)", conversationID: conversation.id, seq: conversation.lastSeq + 2 + index, role: .agent, text: reply,
                    createdAt: now))
        }
        var updated = conversation
        updated.contactID = try await recordTimeline(conversation: conversation, state: &turn.state, new: messages, at: now)
        updated.state = try Self.encode(turn.state)
        updated.language = turn.state.language.rawValue
        updated.status = turn.state.handedOff ? .handedOff : .open
        updated.updatedAt = now
        return (ConversationTurnRecord(expectedLastSeq: conversation.lastSeq, conversation: updated, messages: messages), messages)
    }

    private func agent(for widget: WidgetKeyRecord?, now: Date) -> ChatAgent {
        ChatAgent(capabilities: capabilities, qualifiesLeads: widget?.qualifiesLeads ?? false, now: now)
    }

    static func encode(_ state: ChatState) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(state), as: UTF8.self)
    }

    static func decode(_ json: String, language: String) throws -> ChatState {
        (try? JSONDecoder().decode(ChatState.self, from: Data(json.utf8))) ?? ChatState(language: ScoringLocale(languageTag: language))
    }
}
