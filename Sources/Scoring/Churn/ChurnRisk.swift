/// A customer's churn risk in [0, 1], its band, and the signals it came from (largest contribution first).
public struct ChurnRisk: Codable, Sendable, Hashable {
    /// The risk, clamped to [0, 1].
    public var score: Double
    /// The band of `score`.
    public var band: ChurnBand
    /// The signals that added to the risk, largest first; empty for a customer with no risk signal.
    public var factors: [ChurnFactor]
    /// The language of `explanation`.
    public var locale: ScoringLocale

    /// Creates a result.
    public init(score: Double, band: ChurnBand, factors: [ChurnFactor], locale: ScoringLocale) {
        self.score = score
        self.band = band
        self.factors = factors
        self.locale = locale
    }

    /// One line per factor, with its numbers and contribution, in `locale`.
    public var explanation: [String] {
        factors.map { $0.line(in: locale) }
    }

    private enum CodingKeys: String, CodingKey {
        case score, band, factors, locale, explanation
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        score = try container.decode(Double.self, forKey: .score)
        band = try container.decode(ChurnBand.self, forKey: .band)
        factors = try container.decode([ChurnFactor].self, forKey: .factors)
        locale = try container.decode(ScoringLocale.self, forKey: .locale)
    }

    /// Encodes the stored fields and the rendered `explanation`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(score, forKey: .score)
        try container.encode(band, forKey: .band)
        try container.encode(factors, forKey: .factors)
        try container.encode(locale, forKey: .locale)
        try container.encode(explanation, forKey: .explanation)
    }
}
