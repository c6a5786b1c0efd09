import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

/// The pending follow-ups and the churn assessments they were decided with.
struct StoredScoreFollowUps {
    var recommendations: [Recommendation]
    var churn: [String: ChurnAssessment]
}

extension InsightsService {
    /// The follow-ups waiting for a person at `now`, decided from the scores stored by the last scoring (nightly, and on
    /// each order or engagement event): churn band and score, and predicted lifetime value (else what the customer spent
    /// so far). Only the contacts a rule can hold for are read (`FollowUpReadStore`); a customer never scored yet is
    /// scored on the spot from their own history. `contactID` restricts it to one contact.
    func pendingFromStoredScores(
        at now: Date, filter: RecommendationFilter, locale: ScoringLocale, values: ValuePolicy = .standard, contactID: String? = nil
    ) async throws -> StoredScoreFollowUps {
        let horizon = now.addingTimeInterval(-ContactHistories.horizonDays * 86_400)
        let candidates = try await dependencies.store.followUpData(tenantID: tenantID, horizon: horizon, contactID: contactID)
        var churn: [String: ChurnAssessment] = [:]
        var lifetimeValues: [String: (value: Double, predicted: Bool)] = [:]
        var unscored: Set<String> = []
        for (id, spent) in candidates.spent {
            let stored = candidates.scores[id]
            if let score = stored?.churnScore, score.isFinite, let band = stored?.churnBand.flatMap(ChurnBand.init(rawValue:)) {
                churn[id] = ChurnAssessment(band: band, score: score)
            } else {
                unscored.insert(id)
            }
            if let clv = stored?.lifetimeValue, clv.isFinite {
                lifetimeValues[id] = (clv, true)
            } else {
                lifetimeValues[id] = (spent, false)
            }
        }
        for (id, risk) in try await liveChurn(of: unscored, now: now, locale: locale) { churn[id] = ChurnAssessment(risk) }
        let histories = ContactHistories.make(candidates.data, churn: churn, lifetimeValues: lifetimeValues, now: now)
        let recommendations = RecommendationEngine(values: values).recommend(histories, now: now, locale: locale)
        let decisions = try await dependencies.store.recommendationDecisions(tenantID: tenantID).map(\.decision)
        return StoredScoreFollowUps(
            recommendations: filter.apply(RecommendationTriage.pending(recommendations, decisions: decisions, now: now)), churn: churn)
    }

    /// Churn risk with its signals, scored now from each contact's own history (RFM and churn need no other customer),
    /// for contacts who ordered; five hundred contacts a read.
    func liveChurn(of contactIDs: Set<String>, now: Date, locale: ScoringLocale) async throws -> [String: ChurnRisk] {
        let ids = contactIDs.sorted()
        var risks: [String: ChurnRisk] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Set(ids[start..<min(ids.count, start + 500)])
            let data = try await dependencies.store.scoringData(
                tenantID: tenantID, ticketsSince: now.addingTimeInterval(-180 * 86_400), contactIDs: chunk, scope: .scores)
            for customer in CustomerInsights().churnScores(data, now: now, locale: locale) { risks[customer.contactID] = customer.churn }
        }
        return risks
    }

    /// The churn risks, with their signals, of the contacts of `recommendations` above the retention threshold: what
    /// the retention suggestions are written from.
    func retentionRisks(for recommendations: [Recommendation], churn: [String: ChurnAssessment], now: Date, locale: ScoringLocale)
        async throws -> [String: ChurnRisk]
    {
        let atRisk = Set(recommendations.map(\.contactID).filter { (churn[$0]?.score ?? 0) > RetentionAdvisor.threshold })
        return try await liveChurn(of: atRisk, now: now, locale: locale)
    }

    /// The follow-ups pending at `now` as they stood then, recomputed from `data` (every customer's orders and messages,
    /// as the weekly report reads them at a week's end): churn scored at `now`, no lifetime values (they only rank).
    func recomputedPending(_ data: ScoringData, at now: Date, locale: ScoringLocale) async throws -> [Recommendation] {
        let churn = Dictionary(
            CustomerInsights().churnScores(data, now: now, locale: locale).map { ($0.contactID, ChurnAssessment($0.churn)) },
            uniquingKeysWith: { first, _ in first })
        let histories = ContactHistories.make(data, churn: churn, now: now)
        let recommendations = RecommendationEngine().recommend(histories, now: now, locale: locale)
        let decisions = try await dependencies.store.recommendationDecisions(tenantID: tenantID).map(\.decision)
        return RecommendationTriage.pending(recommendations, decisions: decisions, now: now)
    }
}
