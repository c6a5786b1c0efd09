import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

extension InsightsService {
    /// The follow-ups still waiting for a person about one contact, computed from that contact's data only (the
    /// decision rules read one contact's history at a time), so a contact's page never reads the whole shop.
    public func pendingRecommendations(contactID: String, at: Date? = nil, locale: ScoringLocale = .french) async throws -> [Recommendation] {
        let now = at ?? dependencies.clock.now()
        let data = try await dependencies.store.scoringData(
            tenantID: tenantID, ticketsSince: now.addingTimeInterval(-180 * 86_400), contactIDs: [contactID])
        let result = CustomerInsights().compute(data, now: now, locale: locale)
        let decisions = try await dependencies.store.recommendationDecisions(tenantID: tenantID).map(\.decision)
        return RecommendationTriage.pending(result.recommendations.filter { $0.contactID == contactID }, decisions: decisions, now: now)
    }
}
