import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

extension InsightsService {
    /// The follow-ups still waiting for a person about one contact, decided as the daily list decides them (from the
    /// stored scores), from that contact's data only, so a contact's page never reads the whole shop.
    public func pendingRecommendations(contactID: String, at: Date? = nil, locale: ScoringLocale = .french) async throws -> [Recommendation] {
        try await pendingFromStoredScores(
            at: at ?? dependencies.clock.now(), filter: RecommendationFilter(), locale: locale, contactID: contactID
        ).recommendations.filter { $0.contactID == contactID }
    }
}
