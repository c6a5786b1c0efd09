import AutopilotCore
import Foundation

extension SQLStore {
    public func templates(tenantID: String) async throws -> [TemplateRecord] {
        try await readTemplates("WHERE tenant_id = ? ORDER BY name, version", [.text(tenantID)])
    }

    public func templateVersions(name: String, tenantID: String) async throws -> [TemplateRecord] {
        try await readTemplates("WHERE tenant_id = ? AND name = ? ORDER BY version", [.text(tenantID), .text(name)])
    }

    public func activeTemplates(tenantID: String) async throws -> [TemplateRecord] {
        try await readTemplates("WHERE tenant_id = ? AND status = 'active' ORDER BY name", [.text(tenantID)])
    }

    public func saveTemplateDraft(_ record: TemplateRecord, replacingVersion: Int?) async throws -> TemplateRecord {
        let versions = SQLStatement(
            "SELECT \(TemplateRecord.selectList) FROM templates WHERE tenant_id = ? AND name = ? ORDER BY version",
            [.text(record.tenantID), .text(record.name)])
        return try await database.transaction(lock: Self.templateLock(record.tenantID), reads: [versions]) { rows in
            let existing = rows[0].map(TemplateRecord.init(row:))
            var saved = record
            saved.status = .draft
            if let replacingVersion, let current = existing.first(where: { $0.version == replacingVersion }), current.status == .draft {
                saved.version = current.version
                saved.createdAt = current.createdAt
                let update = SQLStatement(
                    "UPDATE templates SET channel = ?, generated_by = ?, document = ?, updated_at = ?"
                        + " WHERE tenant_id = ? AND name = ? AND version = ?",
                    [
                        .text(saved.channel), .text(saved.generatedBy), .text(saved.document), .date(saved.updatedAt), .text(saved.tenantID),
                        .text(saved.name),
                        .integer(saved.version),
                    ])
                return ([.statement(update)], saved)
            }
            saved.version = (existing.map(\.version).max() ?? 0) + 1
            saved.createdAt = record.updatedAt
            return ([.insert(table: "templates", columns: TemplateRecord.columns, rows: [saved.values], conflict: "")], saved)
        }
    }

    public func changeTemplateStatus(name: String, version: Int, tenantID: String, to status: TemplateStatus, expectedDocument: String?, at: Date)
        async throws
        -> TemplateRecord?
    {
        let read = SQLStatement(
            "SELECT \(TemplateRecord.selectList) FROM templates WHERE tenant_id = ? AND name = ? AND version = ?",
            [.text(tenantID), .text(name), .integer(version)])
        // Both drivers throw the conflict as it is (PostgresDatabase looks through PostgresNIO's transaction error).
        let lock = Self.templateLock(tenantID)
        return try await database.transaction(lock: lock, reads: [read]) { rows -> (writes: [SQLWrite], result: TemplateRecord?) in
            guard var record = rows[0].first.map(TemplateRecord.init(row:)) else { return ([], nil) }
            if let expectedDocument, record.document != expectedDocument { throw TemplateChangedError(name: name, version: version) }
            guard record.status != status else { return ([], record) }
            record.status = status
            record.updatedAt = at
            var writes: [SQLWrite] = []
            if status == .active {
                writes.append(
                    .statement(
                        SQLStatement(
                            "UPDATE templates SET status = 'archived', updated_at = ?"
                                + " WHERE tenant_id = ? AND name = ? AND status = 'active' AND version <> ?",
                            [.date(at), .text(tenantID), .text(name), .integer(version)])))
            }
            writes.append(
                .statement(
                    SQLStatement(
                        "UPDATE templates SET status = ?, updated_at = ? WHERE tenant_id = ? AND name = ? AND version = ?",
                        [.text(status.rawValue), .date(at), .text(tenantID), .text(name), .integer(version)])))
            return (writes, record)
        }
    }

    private func readTemplates(_ clause: String, _ binds: [SQLValue]) async throws -> [TemplateRecord] {
        let rows = try await database.read([SQLStatement("SELECT \(TemplateRecord.selectList) FROM templates \(clause)", binds)])
        return rows[0].map(TemplateRecord.init(row:))
    }

    /// Template writers of one tenant take turns (PostgreSQL advisory lock), so next-version numbers never collide.
    private static func templateLock(_ tenantID: String) -> String { "templates:" + tenantID }
}
