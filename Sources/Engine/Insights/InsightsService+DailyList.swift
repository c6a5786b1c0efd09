import AutopilotCore
import Decisions
import Foundation
import Scoring

extension InsightsService {
    /// The daily list: pending follow-ups ranked by expected value (`ValueOrder`), each with its one-line `why` in
    /// `language` ("fr" or "en"). `limit` nil is the tenant's daily limit (`RecommendationSettings`, default 25); pass
    /// `Int.max` for all. Retention suggestions are written for the page's customers at churn risk only. Read from the
    /// stored scores and the contacts a rule can hold for (`pendingFromStoredScores`), not by rescoring every customer.
    public func dailyList(
        limit: Int? = nil, offset: Int = 0, language: String = "fr", filter: RecommendationFilter = RecommendationFilter(), at: Date? = nil
    ) async throws -> DailyRecommendations {
        guard limit.map({ $0 >= 0 }) ?? true, offset >= 0 else {
            throw ValidationError(code: "invalid_parameter", field: limit.map { $0 < 0 } == true ? "limit" : "offset", message: "must be 0 or more")
        }
        let now = at ?? dependencies.clock.now()
        let settings = try await RecommendationSettings.load(dependencies.store, tenantID: tenantID)
        let locale = ScoringLocale(languageTag: language)
        let pending = try await pendingFromStoredScores(at: now, filter: filter, locale: locale, values: settings.values)
        let ranked = ValueOrder.ranked(pending.recommendations)
        let size = limit ?? settings.dailyLimit
        let start = min(offset, ranked.count)
        let page = Array(ranked[start..<(start + min(size, ranked.count - start))])
        let risks = try await retentionRisks(for: page, churn: pending.churn, now: now, locale: locale)
        var views = try await views(of: page, churn: risks, now: now)
        for index in views.indices {
            views[index].why = WhyWriter.line(views[index].recommendation, language: locale, currency: settings.currency)
        }
        return DailyRecommendations(
            total: ranked.count, limit: size == Int.max ? ranked.count : size, offset: offset, dailyLimit: settings.dailyLimit, currency: settings.currency,
            language: locale == .french ? "fr" : "en", items: views)
    }
}
