import Foundation

/// The filters of `GET /v1/recommendations`: priority, rule, and due before a moment ("due today" is due before the end
/// of the tenant's day, which the caller computes in the tenant's time zone). Nil fields do not filter.
public struct RecommendationFilter: Sendable, Hashable, Codable {
    public var priority: RecommendationPriority?
    public var rule: RecommendationRule?
    /// Keeps recommendations whose `dueAt` is before this moment.
    public var dueBefore: Date?

    public init(priority: RecommendationPriority? = nil, rule: RecommendationRule? = nil, dueBefore: Date? = nil) {
        self.priority = priority
        self.rule = rule
        self.dueBefore = dueBefore
    }

    /// Whether `recommendation` passes every set filter.
    public func admits(_ recommendation: Recommendation) -> Bool {
        if let priority, recommendation.priority != priority { return false }
        if let rule, recommendation.rule != rule { return false }
        if let dueBefore, recommendation.dueAt >= dueBefore { return false }
        return true
    }

    /// The recommendations that pass, in their order.
    public func apply(_ recommendations: [Recommendation]) -> [Recommendation] {
        recommendations.filter(admits)
    }
}
