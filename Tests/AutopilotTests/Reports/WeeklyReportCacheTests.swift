import AutopilotCore
import Content
import Engine
import Foundation
import Storage
import Testing

/// The weekly report's customer numbers, computed once per tenant, week and language (`weekly_report_cache`): a closed
/// week's for good, a running week's for 15 minutes. On SQLite always, on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Reports — the weekly report's cached numbers")
struct WeeklyReportCacheTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func tampered(_ entry: CachedWeeklyReport, customers: Int, at: Date) -> CachedWeeklyReport {
        var entry = entry
        if case .object(var object) = entry.numbers {
            object["customers"] = .int(Int64(customers))
            entry.numbers = .object(object)
        }
        entry.computedAt = at
        return entry
    }

    static func contract(_ store: SQLStore) async throws {
        let (tenantID, dependencies) = try await WeeklyReportTests.seed(store)
        let clock = try #require(dependencies.clock as? ManualClock)
        let now = clock.now()
        let reporter = WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: WeeklyReportTests.prices)
        let closed = try ReportWeek(ending: "2026-03-08")

        // The first view computes and keeps the numbers; the second shows the same ones.
        #expect(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: closed.start, language: "en") == nil)
        let first = try await reporter.report(week: closed, language: .english)
        #expect(first.insights.customers == 2)
        let entry = try #require(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: closed.start, language: "en"))
        #expect(entry.computedAt == now)
        #expect(try await reporter.report(week: closed, language: .english).insights == first.insights)
        #expect(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: closed.start, language: "fr") == nil, "one entry per language")

        // A closed week's numbers, computed after it ended, are kept for good: the report shows what is kept.
        try await store.cacheWeeklyReport(Self.tampered(entry, customers: 99, at: now), tenantID: tenantID)
        clock.set(now.addingTimeInterval(30 * 86_400))
        #expect(try await reporter.report(week: closed, language: .english).insights.customers == 99)

        // Another shop never reads this shop's numbers.
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let otherReport = try await WeeklyReporter(dependencies: dependencies, tenantID: other).report(week: closed, language: .english)
        #expect(otherReport.insights.customers == 0)
        #expect(try await store.cachedWeeklyReport(tenantID: other, weekStart: closed.start, language: "en")?.numbers["customers"] == 0)
        #expect(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: closed.start, language: "en")?.numbers["customers"] == 99)

        // A week still running is shown from the cache for 15 minutes, then computed again.
        clock.set(now)
        let running = try ReportWeek(ending: "2026-03-15")
        let fresh = try await reporter.report(week: running, language: .french)
        let runningEntry = try #require(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: running.start, language: "fr"))
        try await store.cacheWeeklyReport(Self.tampered(runningEntry, customers: 42, at: now), tenantID: tenantID)
        clock.set(now.addingTimeInterval(14 * 60))
        #expect(try await reporter.report(week: running, language: .french).insights.customers == 42)
        clock.set(now.addingTimeInterval(16 * 60))
        #expect(try await reporter.report(week: running, language: .french).insights == fresh.insights)
        let refreshed = try #require(try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: running.start, language: "fr"))
        #expect(refreshed.computedAt == now.addingTimeInterval(16 * 60))

        // A document this version did not write is computed again.
        try await store.cacheWeeklyReport(
            CachedWeeklyReport(weekStart: closed.start, language: "en", numbers: ["version": 0], computedAt: now), tenantID: tenantID)
        #expect(try await reporter.report(week: closed, language: .english).insights == first.insights)
    }

    /// Seconds after the week's end the numbers were computed, their age when shown, and whether they may be shown.
    static let freshnessCases: [(Double, Double, Bool)] = [
        (0, 0, true), (0, 840, true), (0, 900, false), (3_600, 2_592_000, true), (3_599, 960, false),
    ]

    @Test(arguments: freshnessCases)
    func freshness(computedAfterEnd: Double, age: Double, fresh: Bool) throws {
        let week = try ReportWeek(ending: "2026-03-08")
        let computed = week.end.addingTimeInterval(computedAfterEnd)
        let entry = CachedWeeklyReport(weekStart: week.start, language: "en", numbers: [:], computedAt: computed)
        #expect(WeeklyReportCache.isFresh(entry, week: week, now: computed.addingTimeInterval(age)) == fresh)
    }
}
