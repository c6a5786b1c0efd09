import AutopilotCore
import Engine
import Foundation
public import Storage

extension ConversationService {
    /// A team member's answer in a conversation, as a `team` message the widget shows (`GET …/messages?after=N`) and the
    /// contact's timeline gets. The team takes the conversation over: it becomes `handed_off` (a closed one reopens) and
    /// the agent stops answering. With a `clientMessageID` already used for a team answer, the stored answer, replayed.
    public func reply(
        conversationID: String, tenantID: String, text: String?, author: String?, clientMessageID: String?
    ) async throws -> ConversationView {
        let text = try ChatInput.text(text)
        let author = try ChatInput.author(author)
        let clientMessageID = try ChatInput.identifier(clientMessageID, field: "client_message_id", required: false)
        let storedID = clientMessageID.map { "team:" + $0 }
        for _ in 0..<4 {
            let conversation = try await teamConversation(conversationID, tenantID: tenantID)
            if let storedID, let replay = try await storedTeamReply(storedID, conversation: conversation) { return replay }
            let now = dependencies.clock.now()
            var state = try Self.decode(conversation.state, language: conversation.language)
            state.handedOff = true
            state.awaiting = nil
            let id = clientMessageID.map { "\(conversation.id).t.\($0)" } ?? dependencies.ids.make("cm")
            let message = ConversationMessageRecord(
                id: id, conversationID: conversation.id, seq: conversation.lastSeq + 1, role: .team, text: text, clientMessageID: storedID,
                author: author, createdAt: now)
            var updated = conversation
            updated.contactID = try await recordTimeline(conversation: conversation, state: &state, new: [message], at: now)
            updated.state = try Self.encode(state)
            updated.status = .handedOff
            updated.updatedAt = now
            let turn = ConversationTurnRecord(expectedLastSeq: conversation.lastSeq, conversation: updated, messages: [message])
            switch try await dependencies.store.appendConversationTurn(turn) {
            case .appended: return ConversationView(updated, messages: [message])
            case .duplicate, .outdated: continue
            }
        }
        throw ChatInputError(category: .conflict, code: "conversation_busy", field: nil, message: "other messages keep arriving; send it again")
    }

    /// Closes a conversation: the team is done with it. If the visitor writes again, the agent answers and it is open again.
    public func close(conversationID: String, tenantID: String) async throws -> ConversationView {
        try await setStatus(.closed, conversationID: conversationID, tenantID: tenantID)
    }

    /// Reopens a closed conversation for the team: it is `handed_off` again and the agent stays quiet.
    public func reopen(conversationID: String, tenantID: String) async throws -> ConversationView {
        try await setStatus(.handedOff, conversationID: conversationID, tenantID: tenantID)
    }

    /// The tenant's conversation, for the team; a 404 for another tenant's or an unknown one.
    func teamConversation(_ id: String, tenantID: String) async throws -> ConversationRecord {
        guard (1...100).contains(id.count), let conversation = try await dependencies.store.conversation(id: id, tenantID: tenantID) else {
            throw ChatInputError(category: .notFound, code: "conversation_not_found", field: nil, message: "no such conversation")
        }
        return conversation
    }

    private func setStatus(_ status: ConversationStatus, conversationID: String, tenantID: String) async throws -> ConversationView {
        for _ in 0..<4 {
            let conversation = try await teamConversation(conversationID, tenantID: tenantID)
            if conversation.status == status { return ConversationView(conversation, messages: []) }
            var state = try Self.decode(conversation.state, language: conversation.language)
            state.handedOff = status == .handedOff
            state.awaiting = nil
            var updated = conversation
            updated.state = try Self.encode(state)
            updated.status = status
            updated.updatedAt = dependencies.clock.now()
            let turn = ConversationTurnRecord(expectedLastSeq: conversation.lastSeq, conversation: updated, messages: [])
            if try await dependencies.store.appendConversationTurn(turn) == .appended { return ConversationView(updated, messages: []) }
        }
        throw ChatInputError(category: .conflict, code: "conversation_busy", field: nil, message: "other messages keep arriving; try again")
    }

    private func storedTeamReply(_ storedID: String, conversation: ConversationRecord) async throws -> ConversationView? {
        let stored = try await dependencies.store.conversationTurn(
            clientMessageID: storedID, conversationID: conversation.id, tenantID: conversation.tenantID)
        guard let first = stored.first, first.role == .team else { return nil }
        return ConversationView(conversation, messages: [first], replayed: true)
    }
}
