/// Fixed RFM thresholds (seed 001's churn-prediction configuration by default), configurable per tenant.
///
/// Boundaries, as chosen and tested:
/// - Recency: score 5 when days < `recency.excellent` (30), 4 when < `good` (60), 3 when < `average` (90),
///   2 when < `poor` (180), else 1. Exactly 30 days is 4; exactly 180 days is 1.
/// - Frequency: score 5 when orders > `frequency.excellent` (10), 4 when ≥ `good` (6), 3 when ≥ `average` (3),
///   2 when ≥ `poor` (2), else 1 (one order, or none). Exactly 10 orders is 4; exactly 6 is 4; exactly 3 is 3.
/// - Monetary: score 5 when spend > `monetary.excellent` (1000), 4 when ≥ `good` (500), 3 when ≥ `average` (200),
///   2 when ≥ `poor` (100), else 1. Exactly 1000 is 4, exactly 500 is 4, exactly 200 is 3, exactly 100 is 2.
///
/// So "500–1000 → 4" includes both ends and "200–500 → 3" stops below 500: every boundary belongs to the band above it,
/// except the top one (seed: "> 10 orders", "> 1000"), which is strict. Non-finite measures score 1.
public struct RFMThresholds: Codable, Sendable, Hashable {
    /// Recency bounds in days; each is exclusive (`days < bound`).
    public struct Recency: Codable, Sendable, Hashable {
        public var excellent: Double
        public var good: Double
        public var average: Double
        public var poor: Double

        /// Creates recency bounds (days).
        public init(excellent: Double = 30, good: Double = 60, average: Double = 90, poor: Double = 180) {
            self.excellent = excellent
            self.good = good
            self.average = average
            self.poor = poor
        }
    }

    /// Order-count bounds: `excellent` is strict (`orders > excellent`), the others inclusive (`orders >= bound`).
    public struct Frequency: Codable, Sendable, Hashable {
        public var excellent: Int
        public var good: Int
        public var average: Int
        public var poor: Int

        /// Creates order-count bounds.
        public init(excellent: Int = 10, good: Int = 6, average: Int = 3, poor: Int = 2) {
            self.excellent = excellent
            self.good = good
            self.average = average
            self.poor = poor
        }
    }

    /// Spend bounds: `excellent` is strict (`spent > excellent`), the others inclusive (`spent >= bound`).
    public struct Monetary: Codable, Sendable, Hashable {
        public var excellent: Double
        public var good: Double
        public var average: Double
        public var poor: Double

        /// Creates spend bounds (tenant currency).
        public init(excellent: Double = 1000, good: Double = 500, average: Double = 200, poor: Double = 100) {
            self.excellent = excellent
            self.good = good
            self.average = average
            self.poor = poor
        }
    }

    public var recency: Recency
    public var frequency: Frequency
    public var monetary: Monetary

    /// Creates thresholds; the defaults are seed 001's.
    public init(recency: Recency = Recency(), frequency: Frequency = Frequency(), monetary: Monetary = Monetary()) {
        self.recency = recency
        self.frequency = frequency
        self.monetary = monetary
    }

    /// Seed 001's thresholds.
    public static let standard = RFMThresholds()

    /// The fixed-threshold score of one customer.
    public func score(_ measures: RFMMeasures) -> RFMScore {
        RFMScore(
            recency: recencyScore(days: measures.recencyDays),
            frequency: frequencyScore(orders: measures.orderCount),
            monetary: monetaryScore(spent: measures.totalSpent)
        )
    }

    /// The fixed-threshold scores of many customers, in input order.
    public func scores(_ measures: [RFMMeasures]) -> [RFMScore] {
        BatchMap.map(measures) { score($0) }
    }

    /// Recency score for a number of days since the last order.
    public func recencyScore(days: Double) -> Int {
        guard days.isFinite else { return 1 }
        if days < recency.excellent { return 5 }
        if days < recency.good { return 4 }
        if days < recency.average { return 3 }
        if days < recency.poor { return 2 }
        return 1
    }

    /// Frequency score for a number of orders.
    public func frequencyScore(orders: Int) -> Int {
        if orders > frequency.excellent { return 5 }
        if orders >= frequency.good { return 4 }
        if orders >= frequency.average { return 3 }
        if orders >= frequency.poor { return 2 }
        return 1
    }

    /// Monetary score for a total spend.
    public func monetaryScore(spent: Double) -> Int {
        guard spent.isFinite else { return 1 }
        if spent > monetary.excellent { return 5 }
        if spent >= monetary.good { return 4 }
        if spent >= monetary.average { return 3 }
        if spent >= monetary.poor { return 2 }
        return 1
    }
}
