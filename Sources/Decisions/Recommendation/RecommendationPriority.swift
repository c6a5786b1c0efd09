/// How soon a person should act. Sorted high first. Raw values are persisted.
public enum RecommendationPriority: String, Sendable, Codable, Hashable, CaseIterable, Comparable {
    case high
    case medium
    case low

    /// 0 for high, 1 for medium, 2 for low.
    public var rank: Int {
        switch self {
        case .high: 0
        case .medium: 1
        case .low: 2
        }
    }

    /// One level more urgent (high stays high).
    public var escalated: RecommendationPriority {
        switch self {
        case .high, .medium: .high
        case .low: .medium
        }
    }

    /// How long after the rule starts to hold the action is due: high at once, medium within a day, low within three.
    public var responseWindowHours: Double {
        switch self {
        case .high: 0
        case .medium: 24
        case .low: 72
        }
    }

    /// `high < medium < low`: sorting ascending puts the most urgent first.
    public static func < (lhs: RecommendationPriority, rhs: RecommendationPriority) -> Bool { lhs.rank < rhs.rank }
}
