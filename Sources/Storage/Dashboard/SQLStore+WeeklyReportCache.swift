import AutopilotCore
import Foundation

extension SQLStore {
    public func cachedWeeklyReport(tenantID: String, weekStart: Date, language: String) async throws -> CachedWeeklyReport? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT numbers, computed_at FROM weekly_report_cache WHERE tenant_id = ? AND week_start = ? AND language = ?",
                [.text(tenantID), .date(weekStart), .text(language)])
        ])
        guard let row = rows[0].first, let text = row.text(0), let numbers = try? JSONParser.parse(text), let computedAt = row.date(1) else {
            return nil
        }
        return CachedWeeklyReport(weekStart: weekStart, language: language, numbers: numbers, computedAt: computedAt)
    }

    public func cacheWeeklyReport(_ entry: CachedWeeklyReport, tenantID: String) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.upsert(
                table: "weekly_report_cache", columns: ["tenant_id", "week_start", "language", "numbers", "computed_at"],
                key: ["tenant_id", "week_start", "language"],
                rows: [[.text(tenantID), .date(entry.weekStart), .text(entry.language), .text(entry.numbers.jsonString), .date(entry.computedAt)]])
            return ([write], ())
        }
    }
}
