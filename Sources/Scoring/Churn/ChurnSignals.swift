public import Foundation

/// What churn risk is computed from, for one customer. Counts are over two windows: the last 180 days (recent) and
/// the 180 days before them (previous), unless the caller chooses other windows for the e-mail counts.
public struct ChurnSignals: Codable, Sendable, Hashable {
    /// The customer's RFM scores.
    public var rfm: RFMScore
    /// Days since the last order.
    public var daysSinceLastOrder: Double
    /// The customer's usual gap between orders (median, days); nil with fewer than two orders.
    public var usualIntervalDays: Double?
    /// Orders in the last 180 days.
    public var ordersRecent: Int
    /// Orders in the 180 days before those.
    public var ordersPrevious: Int
    /// E-mail opens in the recent and the previous window.
    public var emailOpensRecent: Int
    public var emailOpensPrevious: Int
    /// E-mail clicks in the recent and the previous window.
    public var emailClicksRecent: Int
    public var emailClicksPrevious: Int
    /// Support tickets opened recently.
    public var supportTicketsRecent: Int

    /// Creates the signals; e-mail and support figures default to none.
    public init(
        rfm: RFMScore, daysSinceLastOrder: Double, usualIntervalDays: Double?, ordersRecent: Int, ordersPrevious: Int,
        emailOpensRecent: Int = 0, emailOpensPrevious: Int = 0, emailClicksRecent: Int = 0, emailClicksPrevious: Int = 0,
        supportTicketsRecent: Int = 0
    ) {
        self.rfm = rfm
        self.daysSinceLastOrder = daysSinceLastOrder
        self.usualIntervalDays = usualIntervalDays
        self.ordersRecent = ordersRecent
        self.ordersPrevious = ordersPrevious
        self.emailOpensRecent = emailOpensRecent
        self.emailOpensPrevious = emailOpensPrevious
        self.emailClicksRecent = emailClicksRecent
        self.emailClicksPrevious = emailClicksPrevious
        self.supportTicketsRecent = supportTicketsRecent
    }

    /// The order-history part of the signals from a customer's order dates, as of `now` (whole UTC days): days since
    /// the last order, the median gap between distinct order days, and the order counts in (now − 180 d, now] and
    /// (now − 360 d, now − 180 d]. Orders after `now` are ignored; with no order, days since the last order is infinite.
    public static func orderHistory(orderDates: [Date], now: Date, windowDays: Int = 180)
        -> (daysSinceLastOrder: Double, usualIntervalDays: Double?, ordersRecent: Int, ordersPrevious: Int)
    {
        let today = CustomerTransaction.day(of: now)
        let days = orderDates.map(CustomerTransaction.day(of:)).filter { $0 <= today }
        let recent = days.count { $0 > today - windowDays }
        let previous = days.count { $0 <= today - windowDays && $0 > today - 2 * windowDays }
        guard let last = days.max() else { return (.infinity, nil, 0, 0) }
        return (Double(today - last), medianInterval(days: days), recent, previous)
    }

    /// The median gap, in days, between consecutive distinct order days; nil with fewer than two distinct days.
    public static func medianInterval(days: [Int]) -> Double? {
        let distinct = Array(Set(days)).sorted()
        guard distinct.count >= 2 else { return nil }
        let gaps = zip(distinct.dropFirst(), distinct).map { Double($0 - $1) }.sorted()
        let middle = gaps.count / 2
        return gaps.count % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2
    }
}
