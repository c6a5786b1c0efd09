import AutopilotCore
import Foundation

extension SQLStore {
    public func assistantConversation(id: String, tenantID: String) async throws -> AssistantConversationRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.assistantConversationColumns) FROM assistant_conversations WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])
        ])
        return rows[0].first.flatMap(Self.assistantConversation)
    }

    public func assistantConversations(tenantID: String, owner: String?, limit: Int) async throws -> [AssistantConversationRecord] {
        var sql = "SELECT \(Self.assistantConversationColumns) FROM assistant_conversations WHERE tenant_id = ?"
        var binds: [SQLValue] = [.text(tenantID)]
        if let owner {
            sql += " AND owner = ?"
            binds.append(.text(owner))
        }
        sql += " ORDER BY updated_at DESC, id DESC LIMIT \(max(1, min(limit, 500)))"
        return try await database.read([SQLStatement(sql, binds)])[0].compactMap(Self.assistantConversation)
    }

    public func assistantMessages(conversationID: String, tenantID: String) async throws -> [AssistantMessageRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.assistantMessageColumns) FROM assistant_messages WHERE tenant_id = ? AND conversation_id = ? ORDER BY seq LIMIT 2000",
                [.text(tenantID), .text(conversationID)])
        ])
        return rows[0].compactMap(Self.assistantMessage)
    }

    public func assistantDrafts(conversationID: String, tenantID: String) async throws -> [AssistantDraftRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.assistantDraftColumns) FROM assistant_drafts WHERE tenant_id = ? AND conversation_id = ? ORDER BY created_at, call_id",
                [.text(tenantID), .text(conversationID)])
        ])
        return rows[0].compactMap(Self.assistantDraft)
    }

    public func assistantTurn(clientMessageID: String, tenantID: String) async throws -> [AssistantMessageRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.assistantMessageColumns) FROM assistant_messages m WHERE m.tenant_id = ? AND m.conversation_id = "
                    + "(SELECT conversation_id FROM assistant_messages WHERE tenant_id = ? AND client_message_id = ?) AND m.seq >= "
                    + "(SELECT seq FROM assistant_messages WHERE tenant_id = ? AND client_message_id = ?) ORDER BY m.seq LIMIT 20",
                [.text(tenantID), .text(tenantID), .text(clientMessageID), .text(tenantID), .text(clientMessageID)])
        ])
        let messages = rows[0].compactMap(Self.assistantMessage)
        guard let first = messages.first else { return [] }
        return [first] + messages.dropFirst().prefix { $0.role != .user }
    }

    public func appendAssistantTurn(_ turn: AssistantTurnRecord) async throws -> AssistantAppendOutcome {
        let conversation = turn.conversation
        let tenant = SQLValue.text(conversation.tenantID), id = SQLValue.text(conversation.id)
        let clientID = turn.messages.first?.clientMessageID
        return try await database.transaction(
            lock: "assistant:" + conversation.tenantID,
            reads: [
                SQLStatement("SELECT last_seq FROM assistant_conversations WHERE tenant_id = ? AND id = ?", [tenant, id]),
                SQLStatement("SELECT seq FROM assistant_messages WHERE tenant_id = ? AND client_message_id = ?", [tenant, .text(clientID ?? "")]),
            ]
        ) { rows in
            if clientID != nil, !rows[1].isEmpty { return ([], .duplicate) }
            var writes: [SQLWrite] = []
            if let stored = rows[0].first?.int(0) {
                guard Int(stored) == turn.expectedLastSeq else { return ([], .outdated) }
                writes.append(
                    .statement(
                        SQLStatement(
                            "UPDATE assistant_conversations SET language = ?, state = ?, last_seq = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                            [
                                .text(conversation.language), .text(conversation.state), .integer(turn.expectedLastSeq + turn.messages.count),
                                .date(conversation.updatedAt), tenant, id,
                            ])))
            } else {
                guard turn.expectedLastSeq == 0 else { return ([], .outdated) }
                var created = conversation
                created.lastSeq = turn.messages.count
                writes.append(Self.assistantConversationInsert(created))
            }
            writes.append(Self.assistantMessageInsert(turn.messages, tenantID: conversation.tenantID))
            writes.append(Self.assistantDraftInsert(turn.newDrafts))
            for settlement in turn.settled {
                writes.append(.statement(Self.assistantDraftUpdate(conversation.id, conversation.tenantID, settlement, at: conversation.updatedAt)))
            }
            return (writes.filter { !$0.isEmpty }, .appended)
        }
    }

    public func claimAssistantDraft(conversationID: String, callID: String, tenantID: String, by: String, at: Date) async throws
        -> AssistantDraftClaim
    {
        try await database.transaction(
            lock: "assistant:" + tenantID,
            reads: [
                SQLStatement(
                    "SELECT \(Self.assistantDraftColumns) FROM assistant_drafts WHERE tenant_id = ? AND conversation_id = ? AND call_id = ?",
                    [.text(tenantID), .text(conversationID), .text(callID)])
            ]
        ) { rows in
            guard let draft = rows[0].first.flatMap(Self.assistantDraft) else { return ([], .notFound) }
            guard draft.status == .pending else { return ([], .settled(draft)) }
            var claimed = draft
            claimed.status = .running
            claimed.decidedAt = at
            claimed.decidedBy = by
            let settlement = AssistantDraftSettlement(callID: callID, status: .running, result: nil, decidedBy: by)
            return ([.statement(Self.assistantDraftUpdate(conversationID, tenantID, settlement, at: at))], .claimed(claimed))
        }
    }

    public func settleAssistantDraft(conversationID: String, tenantID: String, _ settlement: AssistantDraftSettlement, at: Date) async throws {
        try await database.transaction(lock: "assistant:" + tenantID, reads: []) { _ in
            ([.statement(Self.assistantDraftUpdate(conversationID, tenantID, settlement, at: at))], ())
        }
    }
}
