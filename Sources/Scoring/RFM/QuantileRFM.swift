/// Quantile RFM, the method of the R `rfm` package (`rfm_table_order`).
///
/// For each measure, the breaks are `t_k = Q(k/5) + 1` for k = 1…4, where Q is the sample quantile with linear
/// interpolation (R's type 7). A value scores 1 + (number of breaks ≤ value), which is the package's intervals
/// [min, t1), [t1, t2), [t2, t3), [t3, t4), [t4, max + 1) numbered 1…5. Recency is reversed (fewest days = 5).
/// Values outside the population's range (a customer scored against stored breaks) fall in the nearest end interval.
public struct QuantileRFM: Codable, Sendable, Hashable {
    /// The four recency breaks (days).
    public var recencyBreaks: [Double]
    /// The four frequency breaks (orders).
    public var frequencyBreaks: [Double]
    /// The four monetary breaks (spend).
    public var monetaryBreaks: [Double]

    /// Computes the breaks from a population of customers. An empty population gives empty breaks (every score 1,
    /// recency 5).
    public init(population: [RFMMeasures]) {
        recencyBreaks = Self.breaks(population.map(\.recencyDays))
        frequencyBreaks = Self.breaks(population.map { Double($0.orderCount) })
        monetaryBreaks = Self.breaks(population.map(\.totalSpent))
    }

    /// The score of one customer against these breaks.
    public func score(_ measures: RFMMeasures) -> RFMScore {
        RFMScore(
            recency: 5 - Self.breaksAtOrBelow(measures.recencyDays, recencyBreaks),
            frequency: 1 + Self.breaksAtOrBelow(Double(measures.orderCount), frequencyBreaks),
            monetary: 1 + Self.breaksAtOrBelow(measures.totalSpent, monetaryBreaks)
        )
    }

    /// The scores of many customers against these breaks, in input order.
    public func scores(_ measures: [RFMMeasures]) -> [RFMScore] {
        BatchMap.map(measures) { score($0) }
    }

    /// Computes the breaks from `population` and scores every customer in it, in input order.
    public static func scores(_ population: [RFMMeasures]) -> [RFMScore] {
        QuantileRFM(population: population).scores(population)
    }

    /// The type-7 sample quantile of sorted, finite values (`p` in 0…1); nil when there are none.
    public static func quantile(sorted values: [Double], _ p: Double) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let h = Double(values.count - 1) * min(max(p, 0), 1)
        let low = Int(h.rounded(.down))
        let high = min(low + 1, values.count - 1)
        let fraction = h - Double(low)
        return values[low] + fraction * (values[high] - values[low])
    }

    private static func breaks(_ values: [Double]) -> [Double] {
        var finite = values.filter(\.isFinite)
        guard finite.count > 1 else { return finite.isEmpty ? [] : Array(repeating: finite[0] + 1, count: 4) }
        let positions = (1...4).map { Double(finite.count - 1) * Double($0) / 5 }
        let ranks = positions.flatMap { [Int($0.rounded(.down)), Int($0.rounded(.down)) + 1] }
        let found = OrderStatistics.select(&finite, ranks: ranks)
        return positions.map { h in
            let low = Int(h.rounded(.down))
            let lower = found[low] ?? 0
            let upper = found[low + 1] ?? lower
            return lower + (h - Double(low)) * (upper - lower) + 1
        }
    }

    private static func breaksAtOrBelow(_ value: Double, _ breaks: [Double]) -> Int {
        guard value.isFinite else { return 0 }
        var count = 0
        for bound in breaks where bound <= value { count += 1 }
        return count
    }
}
