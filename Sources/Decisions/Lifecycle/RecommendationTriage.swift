import Foundation

/// Filters freshly computed recommendations against what people already decided. Pure: storage is the caller's.
public enum RecommendationTriage {
    /// The recommendations of `fresh` still open at `now`: a dismissed or accepted id does not come back; a snoozed one
    /// comes back once its date has passed. When an id has several decisions, the latest (by `decidedAt`) counts.
    /// Keeps the order of `fresh`.
    public static func pending(_ fresh: [Recommendation], decisions: [RecommendationDecision], now: Date) -> [Recommendation] {
        guard !decisions.isEmpty else { return fresh }
        var latest: [String: RecommendationDecision] = [:]
        latest.reserveCapacity(decisions.count)
        for decision in decisions {
            if let current = latest[decision.recommendationID], current.decidedAt > decision.decidedAt { continue }
            latest[decision.recommendationID] = decision
        }
        return fresh.filter { recommendation in
            guard let decision = latest[recommendation.id] else { return true }
            return !decision.hides(at: now)
        }
    }
}
