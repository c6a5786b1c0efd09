public import Foundation

/// How a customer's lifetime-value figures were estimated.
public enum LifetimeEstimateMethod: String, Codable, Sendable, Hashable {
    /// BG/NBD for purchases and P(alive), Gamma-Gamma for spend.
    case model = "model"
    /// RFM-based estimates, used when the data are too thin for a reliable fit (see `LifetimeValueModel`).
    case rfmFallback = "rfm_fallback"
}

/// One customer's lifetime-value figures at the end of the calibration period.
public struct CustomerLifetimeValue: Codable, Sendable, Hashable {
    public var customerID: String
    /// Repeat purchases, weeks to the last purchase, and age in weeks (the summary's x, t_x, T).
    public var x: Int
    public var tx: Double
    public var T: Double
    /// Probability that the customer is still active.
    public var probabilityAlive: Double
    /// Expected purchases in the horizon.
    public var expectedPurchases: Double
    /// Expected average order value.
    public var expectedAverageSpend: Double
    /// Expected purchases × expected average spend × the discount factor.
    public var clv: Double
    /// Weeks from the calibration end to the expected next order, if the customer is still active; nil when unknown.
    public var expectedWeeksToNextOrder: Double?
    /// The calibration end plus `expectedWeeksToNextOrder`, given only when P(alive) ≥ 0.5.
    public var expectedNextOrderDate: Date?
    /// Which estimate produced these figures.
    public var method: LifetimeEstimateMethod

    /// Creates the figures.
    public init(
        customerID: String, x: Int, tx: Double, T: Double, probabilityAlive: Double, expectedPurchases: Double,
        expectedAverageSpend: Double, clv: Double, expectedWeeksToNextOrder: Double?, expectedNextOrderDate: Date?,
        method: LifetimeEstimateMethod
    ) {
        self.customerID = customerID
        self.x = x
        self.tx = tx
        self.T = T
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
        self.expectedAverageSpend = expectedAverageSpend
        self.clv = clv
        self.expectedWeeksToNextOrder = expectedWeeksToNextOrder
        self.expectedNextOrderDate = expectedNextOrderDate
        self.method = method
    }
}
