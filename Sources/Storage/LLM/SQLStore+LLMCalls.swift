import AutopilotCore
import Foundation

extension SQLStore {
    public func recordLLMCall(_ call: LLMCallRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.insert(table: "llm_calls", columns: LLMCallRecord.columns, rows: [call.values], conflict: "")], ())
        }
    }

    public func llmSpend(tenantID: String, from: Date, to: Date) async throws -> Double {
        let rows = try await database.read([
            SQLStatement(
                "SELECT COALESCE(SUM(cost_usd), 0) FROM llm_calls WHERE tenant_id = ? AND called_at >= ? AND called_at < ?",
                [.text(tenantID), .date(from), .date(to)])
        ])
        return rows[0].first?.double(0) ?? 0
    }

    public func llmCalls(tenantID: String, from: Date, to: Date) async throws -> [LLMCallRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(LLMCallRecord.columns.joined(separator: ", ")) FROM llm_calls WHERE tenant_id = ? AND called_at >= ? AND called_at < ?"
                    + " ORDER BY called_at, id",
                [.text(tenantID), .date(from), .date(to)])
        ])
        return rows[0].map(LLMCallRecord.init(row:))
    }

    public func recordGeneratedText(_ record: GeneratedTextRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.upsert(table: "generated_texts", columns: GeneratedTextRecord.columns, key: ["tenant_id", "subject"], rows: [record.values])], ())
        }
    }

    public func generatedText(subject: String, tenantID: String) async throws -> GeneratedTextRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(GeneratedTextRecord.columns.joined(separator: ", ")) FROM generated_texts WHERE tenant_id = ? AND subject = ?",
                [.text(tenantID), .text(subject)])
        ])
        return rows[0].first.map(GeneratedTextRecord.init(row:))
    }
}
