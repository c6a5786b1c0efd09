/// Churn-risk bands (seed 001): low < 0.3 ≤ medium < 0.5 ≤ high < 0.7 ≤ very high < 0.85 ≤ critical.
/// "Very high" is the band the seed leaves unnamed between 0.7 and 0.85: the at-risk flow starts there.
public enum ChurnBand: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case low = "low"
    case medium = "medium"
    case high = "high"
    case veryHigh = "very_high"
    case critical = "critical"

    /// The band of a risk in [0, 1]; NaN counts as low.
    public init(risk: Double) {
        switch risk {
        case 0.85...: self = .critical
        case 0.7..<0.85: self = .veryHigh
        case 0.5..<0.7: self = .high
        case 0.3..<0.5: self = .medium
        default: self = .low
        }
    }

    /// The risk at which a rise triggers `score.churn_risk_crossed`.
    public static let alertThreshold = 0.7

    /// Whether a change of risk from `previous` (nil: never scored) to `current` crosses `threshold` upwards.
    public static func crossesAlert(from previous: Double?, to current: Double, threshold: Double = alertThreshold) -> Bool {
        current >= threshold && (previous.map { $0 < threshold } ?? true)
    }

    /// The band's name in English or French.
    public func name(in locale: ScoringLocale) -> String {
        switch (self, locale) {
        case (.low, .english): "low"
        case (.low, .french): "faible"
        case (.medium, .english): "medium"
        case (.medium, .french): "moyen"
        case (.high, .english): "high"
        case (.high, .french): "élevé"
        case (.veryHigh, .english): "very high"
        case (.veryHigh, .french): "très élevé"
        case (.critical, .english): "critical"
        case (.critical, .french): "critique"
        }
    }

    public static func < (lhs: ChurnBand, rhs: ChurnBand) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
