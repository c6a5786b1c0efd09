import AutopilotCore
import Foundation

extension SQLStore {
    static let leadRowColumns = """
        l.id, l.contact_id, c.first_name, c.last_name, c.email, l.company, l.source, l.score, l.tier, l.status, l.created_at,
        (SELECT MAX(m.sent_at) FROM messages m WHERE m.tenant_id = l.tenant_id AND m.contact_id = l.contact_id),
        (SELECT MAX(r.replied_at) FROM messages r WHERE r.tenant_id = l.tenant_id AND r.contact_id = l.contact_id AND r.replied_at IS NOT NULL)
        """

    public func leadList(_ query: LeadListQuery, tenantID: String) async throws -> LeadListPage {
        var conditions = ["l.tenant_id = ?"]
        var binds: [SQLValue] = [.text(tenantID)]
        if let tier = query.tier {
            conditions.append("l.tier = ?")
            binds.append(.text(tier))
        }
        if let source = query.source {
            conditions.append("l.source = ?")
            binds.append(.text(source))
        }
        let search = query.search?.trimmingCharacters(in: .whitespaces) ?? ""
        let searching = !search.isEmpty
        if searching {
            let pattern = "%" + Self.likeEscaped(search.lowercased()) + "%"
            let columns = ["c.email", "c.first_name", "c.last_name", "l.company"]
            conditions.append("(" + columns.map { "LOWER(\($0)) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ") + ")")
            binds += Array(repeating: .text(pattern), count: columns.count)
        }
        let filter = conditions.joined(separator: " AND ")
        let offset = (query.page - 1) * query.pageSize
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT \(Self.leadRowColumns) FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE \(filter)
                ORDER BY l.score DESC, l.created_at DESC, l.id DESC LIMIT ? OFFSET ?
                """, binds + [.integer(query.pageSize), .integer(offset)]),
            SQLStatement("SELECT COUNT(*) FROM leads l \(searching ? "JOIN contacts c ON c.id = l.contact_id " : "")WHERE \(filter)", binds),
        ])
        return LeadListPage(rows: rows[0].map(Self.leadRow), total: Int(rows[1].first?.int(0) ?? 0))
    }

    public func leadSources(tenantID: String) async throws -> [String] {
        let rows = try await database.read([
            SQLStatement("SELECT DISTINCT source FROM leads WHERE tenant_id = ? AND source IS NOT NULL ORDER BY source LIMIT 100", [.text(tenantID)])
        ])
        return rows[0].compactMap { $0.text(0) }
    }

    public func leadFile(id: String, tenantID: String) async throws -> LeadFile? {
        let tenant = SQLValue.text(tenantID), lead = SQLValue.text(id)
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT \(Self.leadRowColumns), l.message, c.phone, l.status_at, l.status_by, l.qualification, l.qualified_by, l.qualified_at
                FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.tenant_id = ? AND l.id = ?
                """, [tenant, lead]),
            SQLStatement(
                "SELECT id, lead_id, author_id, author_email, text, created_at FROM lead_notes WHERE tenant_id = ? AND lead_id = ? "
                    + "ORDER BY created_at DESC, id DESC LIMIT 200", [tenant, lead]),
        ])
        guard let row = rows[0].first else { return nil }
        var qualification: StoredLeadQualification?
        if let json = row.text(17), let by = row.text(18), let at = row.date(19) {
            qualification = StoredLeadQualification(
                score: Int(row.int(7) ?? 0), tier: row.text(8) ?? "", json: json, qualifiedBy: by, qualifiedAt: at)
        }
        let notes = rows[1].map {
            LeadNote(
                id: $0.text(0) ?? "", leadID: $0.text(1) ?? "", authorID: $0.text(2) ?? "", authorEmail: $0.text(3) ?? "", text: $0.text(4) ?? "",
                createdAt: $0.date(5) ?? Date(timeIntervalSince1970: 0))
        }
        return LeadFile(
            row: Self.leadRow(row), message: row.text(13), phone: row.text(14), statusAt: row.date(15), statusBy: row.text(16),
            qualification: qualification, notes: notes)
    }

    public func contactMessages(contactID: String, tenantID: String, limit: Int) async throws -> [MessageRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(RecordColumns.message.joined(separator: ", ")) FROM messages WHERE tenant_id = ? AND contact_id = ? "
                    + "ORDER BY sent_at DESC, id DESC LIMIT ?", [.text(tenantID), .text(contactID), .integer(limit)])
        ])
        return rows[0].map(RecordColumns.message)
    }

    public func addLeadNote(_ note: LeadNote, tenantID: String) async throws -> Bool {
        try await changeLead(note.leadID, tenantID: tenantID) {
            .insert(
                table: "lead_notes", columns: ["id", "tenant_id", "lead_id", "author_id", "author_email", "text", "created_at"],
                rows: [
                    [
                        .text(note.id), .text(tenantID), .text(note.leadID), .text(note.authorID), .text(note.authorEmail), .text(note.text),
                        .date(note.createdAt),
                    ]
                ], conflict: "")
        }
    }

    public func setLeadStatus(leadID: String, status: LeadStatus, at: Date, by: String, tenantID: String) async throws -> Bool {
        try await changeLead(leadID, tenantID: tenantID) {
            .statement(
                SQLStatement(
                    "UPDATE leads SET status = ?, status_at = ?, status_by = ? WHERE tenant_id = ? AND id = ?",
                    [.text(status.rawValue), .date(at), .text(by), .text(tenantID), .text(leadID)]))
        }
    }

    public func saveLeadQualification(_ qualification: StoredLeadQualification, leadID: String, tenantID: String) async throws -> Bool {
        try await changeLead(leadID, tenantID: tenantID) {
            .statement(
                SQLStatement(
                    "UPDATE leads SET score = ?, tier = ?, qualification = ?, qualified_by = ?, qualified_at = ? WHERE tenant_id = ? AND id = ?",
                    [
                        .integer(qualification.score), .text(qualification.tier), .text(qualification.json), .text(qualification.qualifiedBy),
                        .date(qualification.qualifiedAt), .text(tenantID), .text(leadID),
                    ]))
        }
    }

    /// One write to a lead of the tenant, in a transaction that first checks the lead is the tenant's.
    private func changeLead(_ leadID: String, tenantID: String, _ write: @escaping @Sendable () -> SQLWrite) async throws -> Bool {
        try await database.transaction(
            lock: tenantID, reads: [SQLStatement("SELECT id FROM leads WHERE tenant_id = ? AND id = ?", [.text(tenantID), .text(leadID)])]
        ) { rows in
            guard !rows[0].isEmpty else { return ([], false) }
            return ([write()], true)
        }
    }

    static func leadRow(_ row: SQLRow) -> LeadRow {
        let sent = row.date(11), replied = row.date(12)
        let last = [sent, replied].compactMap { $0 }.max()
        return LeadRow(
            id: row.text(0) ?? "", contactID: row.text(1) ?? "", firstName: row.text(2), lastName: row.text(3), email: row.text(4),
            company: row.text(5), source: row.text(6), score: row.int(7).map(Int.init), tier: row.text(8),
            status: LeadStatus(rawValue: row.text(9) ?? "") ?? .open, createdAt: row.date(10) ?? Date(timeIntervalSince1970: 0), lastContactAt: last)
    }

    /// `text` with LIKE's wildcards (and the escape character) escaped by a backslash.
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
