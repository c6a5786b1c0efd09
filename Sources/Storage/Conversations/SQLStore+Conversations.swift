import AutopilotCore
import Foundation

extension SQLStore {
    public func createConversation(_ conversation: ConversationRecord, messages: [ConversationMessageRecord]) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([Self.conversationInsert(conversation), Self.messageInsert(messages, tenantID: conversation.tenantID)], ())
        }
    }

    public func conversation(id: String, tenantID: String) async throws -> ConversationRecord? {
        let rows = try await database.read([
            SQLStatement("SELECT \(Self.conversationColumns) FROM conversations WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(id)])
        ])
        return rows[0].first.flatMap(Self.conversation)
    }

    public func conversations(tenantID: String, status: ConversationStatus?, limit: Int) async throws -> [ConversationRecord] {
        var sql = "SELECT \(Self.conversationColumns) FROM conversations WHERE tenant_id = ?"
        var binds: [SQLValue] = [.text(tenantID)]
        if let status {
            sql += " AND status = ?"
            binds.append(.text(status.rawValue))
        }
        sql += " ORDER BY updated_at DESC, id LIMIT \(max(1, min(limit, 500)))"
        return try await database.read([SQLStatement(sql, binds)])[0].compactMap(Self.conversation)
    }

    public func conversationMessages(conversationID: String, tenantID: String, afterSeq: Int, limit: Int) async throws
        -> [ConversationMessageRecord]
    {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.messageColumns) FROM conversation_messages WHERE tenant_id = ? AND conversation_id = ? AND seq > ? ORDER BY seq LIMIT \(max(1, min(limit, 1000)))",
                [.text(tenantID), .text(conversationID), .integer(afterSeq)])
        ])
        return rows[0].compactMap(Self.message)
    }

    public func lastConversationMessages(conversationIDs: [String], tenantID: String) async throws -> [String: ConversationMessageRecord] {
        let ids = Array(Set(conversationIDs).prefix(500))
        guard !ids.isEmpty else { return [:] }
        let columns = Self.messageColumns.split(separator: ",").map { "m." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(columns) FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id AND c.last_seq = m.seq "
                    + "WHERE c.tenant_id = ? AND m.tenant_id = ? AND c.id IN \(SQLStatement.placeholders(ids.count))",
                [.text(tenantID), .text(tenantID)] + ids.map(SQLValue.text))
        ])
        var last: [String: ConversationMessageRecord] = [:]
        for message in rows[0].compactMap(Self.message) { last[message.conversationID] = message }
        return last
    }

    public func conversationTurn(clientMessageID: String, conversationID: String, tenantID: String) async throws -> [ConversationMessageRecord] {
        let tenant = SQLValue.text(tenantID), conversation = SQLValue.text(conversationID)
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(Self.messageColumns) FROM conversation_messages WHERE tenant_id = ? AND conversation_id = ? AND seq >= (SELECT seq FROM conversation_messages WHERE tenant_id = ? AND conversation_id = ? AND client_message_id = ?) ORDER BY seq LIMIT 20",
                [tenant, conversation, tenant, conversation, .text(clientMessageID)])
        ])
        let messages = rows[0].compactMap(Self.message)
        guard let first = messages.first else { return [] }
        // The turn is the visitor's message and the replies up to the next visitor message.
        return [first] + messages.dropFirst().prefix { $0.role != .visitor }
    }

    public func appendConversationTurn(_ turn: ConversationTurnRecord) async throws -> ConversationAppendOutcome {
        let conversation = turn.conversation
        let tenant = SQLValue.text(conversation.tenantID), id = SQLValue.text(conversation.id)
        let clientID = turn.messages.first?.clientMessageID
        return try await database.transaction(
            lock: "conversation:" + conversation.id,
            reads: [
                SQLStatement("SELECT last_seq FROM conversations WHERE tenant_id = ? AND id = ?", [tenant, id]),
                SQLStatement(
                    "SELECT seq FROM conversation_messages WHERE conversation_id = ? AND client_message_id = ?", [id, .text(clientID ?? "")]),
            ]
        ) { rows in
            if clientID != nil, !rows[1].isEmpty { return ([], .duplicate) }
            guard let lastSeq = rows[0].first?.int(0), Int(lastSeq) == turn.expectedLastSeq else { return ([], .outdated) }
            let update = SQLStatement(
                "UPDATE conversations SET contact_id = ?, language = ?, state = ?, status = ?, last_seq = ?, updated_at = ? WHERE tenant_id = ? AND id = ?",
                [
                    .text(conversation.contactID), .text(conversation.language), .text(conversation.state), .text(conversation.status.rawValue),
                    .integer(turn.expectedLastSeq + turn.messages.count), .date(conversation.updatedAt), tenant, id,
                ])
            return ([Self.messageInsert(turn.messages, tenantID: conversation.tenantID), .statement(update)], .appended)
        }
    }

    public func catalogProducts(matching words: [String], tenantID: String, limit: Int) async throws -> [CatalogProduct] {
        let words = words.map { $0.lowercased() }.filter { !$0.isEmpty }.prefix(6)
        guard !words.isEmpty else { return [] }
        var sql = "SELECT sku, title, in_stock, price, currency, url FROM products WHERE tenant_id = ?"
        var binds: [SQLValue] = [.text(tenantID)]
        for word in words {
            sql += " AND (lower(coalesce(title, '')) LIKE ? OR lower(sku) LIKE ?)"
            let pattern = "%" + word.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: "_", with: "") + "%"
            binds += [.text(pattern), .text(pattern)]
        }
        sql += " ORDER BY coalesce(in_stock, 0) DESC, sku LIMIT \(max(1, min(limit, 20)))"
        return try await database.read([SQLStatement(sql, binds)])[0].map { row in
            CatalogProduct(
                sku: row.text(0) ?? "", title: row.text(1), inStock: row.bool(2), price: row.double(3), currency: row.text(4), url: row.text(5))
        }
    }

    static let conversationColumns =
        "id, tenant_id, widget_key, visitor_id, contact_id, language, state, status, last_seq, created_at, updated_at"

    static let messageColumns = "id, conversation_id, seq, role, text, client_message_id, sentiment, created_at, author"

    static func conversation(_ row: SQLRow) -> ConversationRecord? {
        guard let id = row.text(0), let status = row.text(7).flatMap(ConversationStatus.init(rawValue:)) else { return nil }
        return ConversationRecord(
            id: id, tenantID: row.text(1) ?? "", widgetKey: row.text(2), visitorID: row.text(3) ?? "", contactID: row.text(4),
            language: row.text(5) ?? "fr", state: row.text(6) ?? "{}", status: status, lastSeq: Int(row.int(8) ?? 0),
            createdAt: row.date(9) ?? Date(timeIntervalSince1970: 0), updatedAt: row.date(10) ?? Date(timeIntervalSince1970: 0))
    }

    static func message(_ row: SQLRow) -> ConversationMessageRecord? {
        guard let id = row.text(0), let role = row.text(3).flatMap(ConversationLine.Role.init(rawValue:)) else { return nil }
        return ConversationMessageRecord(
            id: id, conversationID: row.text(1) ?? "", seq: Int(row.int(2) ?? 0), role: role, text: row.text(4) ?? "",
            clientMessageID: row.text(5), sentiment: row.double(6), author: row.text(8), createdAt: row.date(7) ?? Date(timeIntervalSince1970: 0))
    }

    static func conversationInsert(_ conversation: ConversationRecord) -> SQLWrite {
        .insert(
            table: "conversations",
            columns: [
                "id", "tenant_id", "widget_key", "visitor_id", "contact_id", "language", "state", "status", "last_seq", "created_at", "updated_at",
            ],
            rows: [
                [
                    .text(conversation.id), .text(conversation.tenantID), .text(conversation.widgetKey), .text(conversation.visitorID),
                    .text(conversation.contactID), .text(conversation.language), .text(conversation.state), .text(conversation.status.rawValue),
                    .integer(conversation.lastSeq), .date(conversation.createdAt), .date(conversation.updatedAt),
                ]
            ], conflict: "")
    }

    static func messageInsert(_ messages: [ConversationMessageRecord], tenantID: String) -> SQLWrite {
        .insert(
            table: "conversation_messages",
            columns: ["id", "conversation_id", "seq", "tenant_id", "role", "text", "client_message_id", "sentiment", "created_at", "author"],
            rows: messages.map {
                [
                    .text($0.id), .text($0.conversationID), .integer($0.seq), .text(tenantID), .text($0.role.rawValue), .text($0.text),
                    .text($0.clientMessageID), .double($0.sentiment), .date($0.createdAt), .text($0.author),
                ]
            }, conflict: "")
    }
}
