import AutopilotCore
import Foundation

/// The weekly report's customer numbers kept per tenant, week and language, so the reports page does not rescore every
/// customer on each view. When an entry is stale is the reader's rule (`WeeklyReportCache` in the engine).
public protocol WeeklyReportCacheStore: Sendable {
    func cachedWeeklyReport(tenantID: String, weekStart: Date, language: String) async throws -> CachedWeeklyReport?
    /// Stores or replaces the entry of its tenant, week and language.
    func cacheWeeklyReport(_ entry: CachedWeeklyReport, tenantID: String) async throws
}

/// One cached entry: the numbers as a JSON document, and when they were computed.
public struct CachedWeeklyReport: Sendable, Equatable {
    public var weekStart: Date
    public var language: String
    public var numbers: JSONValue
    public var computedAt: Date

    public init(weekStart: Date, language: String, numbers: JSONValue, computedAt: Date) {
        self.weekStart = weekStart
        self.language = language
        self.numbers = numbers
        self.computedAt = computedAt
    }
}
