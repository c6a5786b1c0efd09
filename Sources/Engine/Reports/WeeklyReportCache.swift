import AutopilotCore
import Content
import Foundation
import Storage

/// When the weekly report's cached customer numbers (`weekly_report_cache`) may be shown again. Computing them scores
/// every customer at the end of the week and of the week before; a closed week's numbers do not change, so they are
/// computed once per tenant, week and language.
///
/// - Numbers computed at least `settling` (one hour) after the week ended are final: kept for good.
/// - Numbers computed earlier — the week was still running, or had just ended and late events may still arrive — are
///   shown for `openWeekLifetime` (15 minutes), then computed again on the next view.
public enum WeeklyReportCache {
    public static let settling: TimeInterval = 3_600
    public static let openWeekLifetime: TimeInterval = 15 * 60

    /// Whether `entry` may stand for `week` at `now`.
    public static func isFresh(_ entry: CachedWeeklyReport, week: ReportWeek, now: Date) -> Bool {
        if entry.computedAt >= week.end.addingTimeInterval(settling) { return true }
        let age = now.timeIntervalSince(entry.computedAt)
        return age >= 0 && age < openWeekLifetime
    }
}

extension WeeklyReporter {
    /// The week's customer numbers: from the cache when fresh (`WeeklyReportCache`), else computed and cached.
    func insights(week: ReportWeek, language: ContentLanguage) async throws -> WeeklyReport.Insights {
        let store = dependencies.store
        let now = dependencies.clock.now()
        let entry = try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: week.start, language: language.rawValue)
        if let entry, WeeklyReportCache.isFresh(entry, week: week, now: now), let insights = WeeklyReport.Insights(cached: entry.numbers) {
            return insights
        }
        let insights = try await computeInsights(week: week, language: language)
        var numbers = insights.cachedValue
        // The prose stays: it is shown again only if the new numbers are the ones it was written from (its digest).
        if case .object(var object) = numbers, let prose = entry?.numbers["prose"] {
            object["prose"] = prose
            numbers = .object(object)
        }
        try await store.cacheWeeklyReport(
            CachedWeeklyReport(weekStart: week.start, language: language.rawValue, numbers: numbers, computedAt: now), tenantID: tenantID)
        return insights
    }
}

extension WeeklyReport.Insights {
    /// The numbers as cached, version 1.
    var cachedValue: JSONValue {
        func counts(_ values: [String: Int]) -> JSONValue {
            .object(JSONObject(values.sorted { $0.key < $1.key }.map { ($0.key, .int(Int64($0.value))) }))
        }
        return [
            "version": 1, "customers": .int(Int64(customers)), "segments": counts(segments), "previous_segments": counts(previousSegments),
            "at_risk": .int(Int64(atRisk)), "previous_at_risk": .int(Int64(previousAtRisk)),
            "pending_recommendations": .int(Int64(pendingRecommendations)), "top_recommendations": .array(topRecommendations),
        ]
    }

    /// The numbers from a cached document; nil when it is not one this version wrote.
    init?(cached value: JSONValue) {
        guard value["version"]?.intValue == 1, let customers = value["customers"]?.intValue, let atRisk = value["at_risk"]?.intValue,
            let previousAtRisk = value["previous_at_risk"]?.intValue, let pending = value["pending_recommendations"]?.intValue,
            let top = value["top_recommendations"]?.arrayValue
        else { return nil }
        func counts(_ key: String) -> [String: Int]? {
            guard let object = value[key]?.objectValue else { return nil }
            var counts: [String: Int] = [:]
            for (name, count) in object {
                guard let count = count.intValue else { return nil }
                counts[name] = Int(count)
            }
            return counts
        }
        guard let segments = counts("segments"), let previousSegments = counts("previous_segments") else { return nil }
        self.init()
        self.customers = Int(customers)
        self.segments = segments
        self.previousSegments = previousSegments
        self.atRisk = Int(atRisk)
        self.previousAtRisk = Int(previousAtRisk)
        self.pendingRecommendations = Int(pending)
        self.topRecommendations = top
    }
}
