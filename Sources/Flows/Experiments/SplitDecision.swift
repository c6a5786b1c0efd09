import Foundation

/// What one variant (or group) of a flow did: entrants, those who clicked, those who converted, and revenue per entrant.
public struct VariantOutcome: Sendable, Hashable {
    public var id: String
    public var entrants: Int
    public var clickers: Int
    public var conversions: Int
    /// Revenue per entrant as moments (count = entrants, sum = revenue, sum of squares of each entrant's revenue).
    public var revenue: ExperimentStatistics.Moments

    public init(id: String, entrants: Int, clickers: Int, conversions: Int, revenue: ExperimentStatistics.Moments) {
        self.id = id
        self.entrants = entrants
        self.clickers = clickers
        self.conversions = conversions
        self.revenue = revenue
    }

    /// The value of a metric: a rate per entrant, or revenue per entrant.
    public func value(_ metric: SplitWinnerRule.Metric) -> Double {
        guard entrants > 0 else { return 0 }
        switch metric {
        case .conversion: return Double(conversions) / Double(entrants)
        case .click: return Double(clickers) / Double(entrants)
        case .revenue: return revenue.sum / Double(entrants)
        }
    }
}

/// A decided A/B test: the winner, by which metric and test, and the figures it was decided on.
public struct SplitDecision: Sendable, Hashable {
    public var winner: String
    public var metric: SplitWinnerRule.Metric
    /// `z_test` (rates) or `welch_t_test` (revenue).
    public var test: String
    /// The largest p-value of the leader against each other variant (all below 1 − confidence).
    public var pValue: Double
    public var confidence: Double
    public var outcomes: [VariantOutcome]

    /// Decides a split by its rule, or nil while it is undecided: every variant needs `min_per_variant` entrants, and
    /// the leader by the metric must beat each other variant with a two-sided p-value below 1 − confidence
    /// (two-proportion z-test for conversion and click rates, Welch's t-test for revenue per entrant).
    public static func decide(_ rule: SplitWinnerRule, outcomes: [VariantOutcome]) -> SplitDecision? {
        guard outcomes.count >= 2, outcomes.allSatisfy({ $0.entrants >= rule.minPerVariant }) else { return nil }
        let ranked = outcomes.sorted { ($0.value(rule.metric), $1.id) > ($1.value(rule.metric), $0.id) }
        let leader = ranked[0]
        var worst = 0.0
        for other in ranked.dropFirst() {
            guard leader.value(rule.metric) > other.value(rule.metric), let result = test(rule.metric, leader, other) else { return nil }
            worst = max(worst, result.pValue)
        }
        guard worst < 1 - rule.confidence else { return nil }
        return SplitDecision(
            winner: leader.id, metric: rule.metric, test: rule.metric == .revenue ? "welch_t_test" : "z_test", pValue: worst,
            confidence: rule.confidence, outcomes: outcomes)
    }

    /// The test of one variant against another for a metric.
    public static func test(_ metric: SplitWinnerRule.Metric, _ first: VariantOutcome, _ second: VariantOutcome) -> ExperimentStatistics.TestResult? {
        switch metric {
        case .conversion:
            ExperimentStatistics.twoProportionZTest(
                successes1: first.conversions, trials1: first.entrants, successes2: second.conversions, trials2: second.entrants)
        case .click:
            ExperimentStatistics.twoProportionZTest(
                successes1: first.clickers, trials1: first.entrants, successes2: second.clickers, trials2: second.entrants)
        case .revenue:
            ExperimentStatistics.welchTTest(first.revenue, second.revenue)
        }
    }
}
