/// A customer's recency, frequency and monetary scores, each from 1 (worst) to 5 (best).
public struct RFMScore: Codable, Sendable, Hashable {
    /// 5 = bought most recently, 1 = longest ago.
    public var recency: Int
    /// 5 = most orders, 1 = fewest.
    public var frequency: Int
    /// 5 = highest spend, 1 = lowest.
    public var monetary: Int

    /// Creates a score; each component is clamped to 1...5.
    public init(recency: Int, frequency: Int, monetary: Int) {
        self.recency = min(max(recency, 1), 5)
        self.frequency = min(max(frequency, 1), 5)
        self.monetary = min(max(monetary, 1), 5)
    }

    /// The three digits as one number, `100 R + 10 F + M` (e.g. 555), as the R `rfm` package writes it.
    public var code: Int { 100 * recency + 10 * frequency + monetary }

    /// The named segment this score falls in.
    public var segment: RFMSegment { RFMSegment(score: self) }

    /// All 125 combinations, in code order (111, 112, … 555).
    public static let allCombinations: [RFMScore] = (1...5).flatMap { r in
        (1...5).flatMap { f in (1...5).map { m in RFMScore(recency: r, frequency: f, monetary: m) } }
    }
}
