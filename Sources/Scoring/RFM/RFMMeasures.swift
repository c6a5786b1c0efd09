/// The raw figures RFM scores are computed from, for one customer.
public struct RFMMeasures: Codable, Sendable, Hashable {
    /// Days from the last order to the analysis date (0 = ordered on that day).
    public var recencyDays: Double
    /// Number of orders.
    public var orderCount: Int
    /// Total spend, in the tenant's currency.
    public var totalSpent: Double

    /// Creates the measures for one customer.
    public init(recencyDays: Double, orderCount: Int, totalSpent: Double) {
        self.recencyDays = recencyDays
        self.orderCount = orderCount
        self.totalSpent = totalSpent
    }
}
