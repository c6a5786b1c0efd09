import Scoring

/// A customer's churn risk as last scored: its band and its score in [0, 1].
public struct ChurnAssessment: Sendable, Hashable, Codable {
    public var band: ChurnBand
    public var score: Double

    public init(band: ChurnBand, score: Double) {
        self.band = band
        self.score = score
    }

    /// The band and score of a `ChurnRisk` from the scoring module.
    public init(_ risk: ChurnRisk) {
        self.init(band: risk.band, score: risk.score)
    }
}
