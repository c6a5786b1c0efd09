import Foundation

extension SQLStore {
    public func saveKnowledgeDocument(_ document: KnowledgeDocumentRecord, passages: [KnowledgePassage]) async throws -> KnowledgeSaveOutcome {
        let existing = SQLStatement(
            "SELECT \(KnowledgeDocumentRecord.columns.joined(separator: ", ")) FROM knowledge_documents WHERE tenant_id = ? AND source_key = ?",
            [.text(document.tenantID), .text(document.sourceKey)])
        return try await database.transaction(lock: "knowledge:" + document.tenantID, reads: [existing]) { rows in
            guard let row = rows[0].first else {
                return ([Self.documentInsert(document)] + Self.passageInserts(passages, of: document), .created(document))
            }
            let stored = KnowledgeDocumentRecord(row: row)
            if stored.contentHash == document.contentHash { return ([], .unchanged(stored)) }
            var replaced = document
            replaced.id = stored.id
            replaced.createdAt = stored.createdAt
            let writes: [SQLWrite] = [
                .statement(SQLStatement("DELETE FROM knowledge_passages WHERE document_id = ?", [.text(stored.id)])),
                .statement(
                    SQLStatement(
                        "UPDATE knowledge_documents SET title = ?, body = ?, language = ?, kind = ?, content_hash = ?, passage_count = ?, updated_at = ?"
                            + " WHERE id = ?",
                        [
                            .text(replaced.title), .text(replaced.body), .text(replaced.language), .text(replaced.kind), .text(replaced.contentHash),
                            .integer(replaced.passageCount), .date(replaced.updatedAt), .text(stored.id),
                        ])),
            ]
            return (writes + Self.passageInserts(passages, of: replaced), .replaced(replaced))
        }
    }

    public func knowledgeDocuments(tenantID: String, limit: Int, offset: Int) async throws -> [KnowledgeDocumentRecord] {
        let columns = KnowledgeDocumentRecord.columns.map { $0 == "body" ? "''" : $0 }.joined(separator: ", ")
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(columns) FROM knowledge_documents WHERE tenant_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?",
                [.text(tenantID), .integer(limit), .integer(offset)])
        ])
        return rows[0].map(KnowledgeDocumentRecord.init(row:))
    }

    public func knowledgeDocument(id: String, tenantID: String) async throws -> KnowledgeDocumentRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(KnowledgeDocumentRecord.columns.joined(separator: ", ")) FROM knowledge_documents WHERE id = ? AND tenant_id = ?",
                [.text(id), .text(tenantID)])
        ])
        return rows[0].first.map(KnowledgeDocumentRecord.init(row:))
    }

    public func deleteKnowledgeDocument(id: String, tenantID: String) async throws -> Bool {
        let exists = SQLStatement("SELECT 1 FROM knowledge_documents WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        return try await database.transaction(lock: "knowledge:" + tenantID, reads: [exists]) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            let writes: [SQLWrite] = [
                .statement(SQLStatement("DELETE FROM knowledge_passages WHERE document_id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])),
                .statement(SQLStatement("DELETE FROM knowledge_documents WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])),
            ]
            return (writes, true)
        }
    }

    public func searchKnowledge(tenantID: String, terms: [String], limit: Int) async throws -> [KnowledgeMatch] {
        let words = terms.map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
        guard !words.isEmpty, limit > 0 else { return [] }
        let statement = database.dialect == .sqlite ? Self.ftsSearch(tenantID, words, limit) : Self.tsvectorSearch(tenantID, words, limit)
        return try await database.read([statement])[0].map { row in
            KnowledgeMatch(
                documentID: row.text(0) ?? "", title: row.text(1) ?? "", kind: row.text(2) ?? "", language: row.text(3) ?? "",
                position: Int(row.int(4) ?? 0), text: row.text(5) ?? "", rank: row.double(6) ?? 0)
        }
    }

    /// SQLite: FTS5 over title and text (the title counts twice), ranked by BM25 (negated: higher is better).
    static func ftsSearch(_ tenantID: String, _ words: [String], _ limit: Int) -> SQLStatement {
        let match = words.map { "\"\($0)\"" }.joined(separator: " OR ")
        return SQLStatement(
            """
            SELECT d.id, d.title, d.kind, p.language, p.position, p.text, -bm25(knowledge_passages_fts, 2.0, 1.0) AS score
            FROM knowledge_passages_fts
            JOIN knowledge_passages p ON p.seq = knowledge_passages_fts.rowid
            JOIN knowledge_documents d ON d.id = p.document_id
            WHERE knowledge_passages_fts MATCH ? AND p.tenant_id = ?
            ORDER BY score DESC, d.id, p.position LIMIT ?
            """, [.text(match), .text(tenantID), .integer(limit)])
    }

    /// The text-search configurations of the passages' `search` column, by language; any other language is `simple`.
    static let searchConfigurations: [(language: String, configuration: String)] = [
        ("fr", "french"), ("en", "english"), ("de", "german"), ("es", "spanish"), ("it", "italian"), ("nl", "dutch"), ("pt", "portuguese"),
    ]

    /// PostgreSQL: the GIN index finds passages matching the words stemmed in any configuration; each is then checked and
    /// ranked (`ts_rank`) in its own language's configuration.
    static func tsvectorSearch(_ tenantID: String, _ words: [String], _ limit: Int) -> SQLStatement {
        let query = words.joined(separator: " | ")
        let configurations = searchConfigurations + [("", "simple")]
        let columns = configurations.map { "to_tsquery('\($0.configuration)', ?) AS \($0.configuration)" }.joined(separator: ", ")
        let own =
            "CASE p.language "
            + searchConfigurations.map { "WHEN '\($0.language)' THEN q.\($0.configuration)" }.joined(separator: " ") + " ELSE q.simple END"
        let any = configurations.map { "q.\($0.configuration)" }.joined(separator: " || ")
        return SQLStatement(
            """
            WITH q AS (SELECT \(columns))
            SELECT d.id, d.title, d.kind, p.language, p.position, p.text, ts_rank(p.search, \(own)) AS score
            FROM q, knowledge_passages p
            JOIN knowledge_documents d ON d.id = p.document_id
            WHERE p.tenant_id = ? AND p.search @@ (\(any)) AND p.search @@ (\(own))
            ORDER BY score DESC, d.id, p.position LIMIT ?
            """, Array(repeating: SQLValue.text(query), count: configurations.count) + [.text(tenantID), .integer(limit)])
    }

    static func documentInsert(_ document: KnowledgeDocumentRecord) -> SQLWrite {
        .insert(table: "knowledge_documents", columns: KnowledgeDocumentRecord.columns, rows: [document.values], conflict: "")
    }

    static func passageInserts(_ passages: [KnowledgePassage], of document: KnowledgeDocumentRecord) -> [SQLWrite] {
        let rows: [[SQLValue]] = passages.map { passage in
            [
                .text(document.tenantID), .text(document.id), .integer(passage.position), .text(document.title), .text(passage.text),
                .text(document.language), .text(passage.searchText),
            ]
        }
        return [
            .insert(
                table: "knowledge_passages", columns: ["tenant_id", "document_id", "position", "title", "text", "language", "search_text"],
                rows: rows, conflict: "")
        ]
    }
}
