/// The persisted name of a person's (or a delegated flow's) decision about a recommendation
/// (`recommendation_decisions.status`, the API's `status`). Raw values never change.
public enum RecommendationDecisionStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// The follow-up was sent; the same recommendation is done.
    case accepted
    /// Not relevant; the same recommendation never comes back.
    case dismissed
    /// Hidden until a given moment.
    case snoozed

    /// The status a stored text stands for; a missing or unknown text reads as `dismissed` (the recommendation stays hidden).
    public init(stored text: String?) {
        self = text.flatMap(RecommendationDecisionStatus.init(rawValue:)) ?? .dismissed
    }
}
