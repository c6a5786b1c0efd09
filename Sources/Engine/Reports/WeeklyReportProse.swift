import AutopilotCore
import Content
import Crypto
import Foundation
import Storage

/// The weekly report's prose, kept beside the week's cached numbers (`weekly_report_cache`) with a digest of the numbers
/// it was written from. Viewing an unchanged report again (the Reports page, `autopilot report`) asks no language model,
/// costs nothing and records no generated text; new numbers get new prose. Offline prose is not kept: it costs nothing
/// to write again, and a provider configured later writes the real one.
struct WeeklyReportProse: Equatable {
    var digest: String
    var prose: WeeklyReport.Prose
    var provider: String
    var model: String

    /// The digest of the numbers document the prose is written from.
    static func digest(of document: JSONValue) -> String {
        SHA256.hash(data: Data(document.jsonString.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    var cachedValue: JSONValue {
        [
            "digest": .string(digest), "executive_summary": .string(prose.executiveSummary),
            "insights": .array(prose.insights.map(JSONValue.string)), "recommendations": .array(prose.recommendations.map(JSONValue.string)),
            "provider": .string(provider), "model": .string(model),
        ]
    }

    init(digest: String, prose: WeeklyReport.Prose, provider: String, model: String) {
        self.digest = digest
        self.prose = prose
        self.provider = provider
        self.model = model
    }

    init?(cached value: JSONValue?) {
        guard let value, let digest = value["digest"]?.stringValue, let summary = value["executive_summary"]?.stringValue,
            let insights = value["insights"]?.arrayValue?.compactMap(\.stringValue),
            let recommendations = value["recommendations"]?.arrayValue?.compactMap(\.stringValue)
        else { return nil }
        self.init(
            digest: digest, prose: WeeklyReport.Prose(executiveSummary: summary, insights: insights, recommendations: recommendations),
            provider: value["provider"]?.stringValue ?? "", model: value["model"]?.stringValue ?? "")
    }
}

extension WeeklyReporter {
    /// The prose kept for `week` in `language`, when it was written from numbers with this `digest`.
    func keptProse(digest: String, week: ReportWeek, language: ContentLanguage) async throws -> WeeklyReportProse? {
        let entry = try await dependencies.store.cachedWeeklyReport(tenantID: tenantID, weekStart: week.start, language: language.rawValue)
        guard let kept = WeeklyReportProse(cached: entry?.numbers["prose"]), kept.digest == digest else { return nil }
        return kept
    }

    /// Keeps `prose` in the week's cache entry (written by `insights(week:language:)` just before).
    func keep(_ prose: WeeklyReportProse, week: ReportWeek, language: ContentLanguage) async throws {
        let store = dependencies.store
        guard var entry = try await store.cachedWeeklyReport(tenantID: tenantID, weekStart: week.start, language: language.rawValue),
            case .object(var numbers) = entry.numbers
        else { return }
        numbers["prose"] = prose.cachedValue
        entry.numbers = .object(numbers)
        try await store.cacheWeeklyReport(entry, tenantID: tenantID)
    }
}
