import Foundation

/// The temperature of a lead by its score: hot ≥ 75, warm ≥ 50, cool ≥ 25, cold below.
public enum LeadTier: String, Sendable, Codable, CaseIterable, Hashable {
    case hot
    case warm
    case cool
    case cold

    /// The tier of a 0–100 score.
    public init(score: Int) {
        switch score {
        case 75...: self = .hot
        case 50..<75: self = .warm
        case 25..<50: self = .cool
        default: self = .cold
        }
    }
}
