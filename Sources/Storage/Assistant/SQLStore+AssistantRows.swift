import AutopilotCore
import Foundation

extension SQLStore {
    static let assistantConversationColumns = "id, tenant_id, owner, title, language, state, last_seq, created_at, updated_at"
    static let assistantMessageColumns = "id, conversation_id, seq, role, text, client_message_id, details, cost_usd, created_at"
    static let assistantDraftColumns =
        "conversation_id, call_id, tenant_id, tool, arguments, status, result, created_at, decided_at, decided_by"

    static func assistantConversation(_ row: SQLRow) -> AssistantConversationRecord? {
        guard let id = row.text(0) else { return nil }
        let epoch = Date(timeIntervalSince1970: 0)
        return AssistantConversationRecord(
            id: id, tenantID: row.text(1) ?? "", owner: row.text(2) ?? "", title: row.text(3) ?? "", language: row.text(4) ?? "fr",
            state: row.text(5) ?? "{}", lastSeq: Int(row.int(6) ?? 0), createdAt: row.date(7) ?? epoch, updatedAt: row.date(8) ?? epoch)
    }

    static func assistantMessage(_ row: SQLRow) -> AssistantMessageRecord? {
        guard let id = row.text(0), let role = row.text(3).flatMap(AssistantMessageRole.init(rawValue:)) else { return nil }
        return AssistantMessageRecord(
            id: id, conversationID: row.text(1) ?? "", seq: Int(row.int(2) ?? 0), role: role, text: row.text(4) ?? "",
            clientMessageID: row.text(5), details: row.text(6) ?? "{}", costUSD: row.double(7) ?? 0,
            createdAt: row.date(8) ?? Date(timeIntervalSince1970: 0))
    }

    static func assistantDraft(_ row: SQLRow) -> AssistantDraftRecord? {
        guard let conversationID = row.text(0), let callID = row.text(1) else { return nil }
        // A status no version wrote reads as declined: never run on its word.
        let status = row.text(5).flatMap(AssistantDraftStatus.init(rawValue:)) ?? .declined
        return AssistantDraftRecord(
            conversationID: conversationID, callID: callID, tenantID: row.text(2) ?? "", tool: row.text(3) ?? "", arguments: row.text(4) ?? "{}",
            status: status, result: row.text(6), createdAt: row.date(7) ?? Date(timeIntervalSince1970: 0), decidedAt: row.date(8),
            decidedBy: row.text(9))
    }

    static func assistantConversationInsert(_ conversation: AssistantConversationRecord) -> SQLWrite {
        .insert(
            table: "assistant_conversations",
            columns: ["id", "tenant_id", "owner", "title", "language", "state", "last_seq", "created_at", "updated_at"],
            rows: [
                [
                    .text(conversation.id), .text(conversation.tenantID), .text(conversation.owner), .text(conversation.title),
                    .text(conversation.language), .text(conversation.state), .integer(conversation.lastSeq), .date(conversation.createdAt),
                    .date(conversation.updatedAt),
                ]
            ], conflict: "")
    }

    static func assistantMessageInsert(_ messages: [AssistantMessageRecord], tenantID: String) -> SQLWrite {
        .insert(
            table: "assistant_messages",
            columns: ["id", "conversation_id", "seq", "tenant_id", "role", "text", "client_message_id", "details", "cost_usd", "created_at"],
            rows: messages.map {
                [
                    .text($0.id), .text($0.conversationID), .integer($0.seq), .text(tenantID), .text($0.role.rawValue), .text($0.text),
                    .text($0.clientMessageID), .text($0.details), .double($0.costUSD), .date($0.createdAt),
                ]
            }, conflict: "")
    }

    static func assistantDraftInsert(_ drafts: [AssistantDraftRecord]) -> SQLWrite {
        .insert(
            table: "assistant_drafts",
            columns: ["conversation_id", "call_id", "tenant_id", "tool", "arguments", "status", "result", "created_at", "decided_at", "decided_by"],
            rows: drafts.map {
                [
                    .text($0.conversationID), .text($0.callID), .text($0.tenantID), .text($0.tool), .text($0.arguments), .text($0.status.rawValue),
                    .text($0.result), .date($0.createdAt), .date($0.decidedAt), .text($0.decidedBy),
                ]
            }, conflict: "ON CONFLICT (conversation_id, call_id) DO NOTHING")
    }

    static func assistantDraftUpdate(_ conversationID: String, _ tenantID: String, _ settlement: AssistantDraftSettlement, at: Date) -> SQLStatement {
        SQLStatement(
            "UPDATE assistant_drafts SET status = ?, result = coalesce(?, result), decided_at = ?, decided_by = coalesce(?, decided_by) "
                + "WHERE tenant_id = ? AND conversation_id = ? AND call_id = ?",
            [
                .text(settlement.status.rawValue), .text(settlement.result), .date(at), .text(settlement.decidedBy), .text(tenantID),
                .text(conversationID), .text(settlement.callID),
            ])
    }
}
