public import Foundation

/// One customer's purchase history over a calibration period, in the form the BG/NBD and Gamma-Gamma models use.
///
/// Conventions (the reference README's): purchases on the same UTC day are one purchase with their amounts summed;
/// `x` = distinct purchase days − 1 (repeat purchases); `tx` and `T` are weeks from the first purchase to the last one
/// and to the end of the calibration period; `averageRepeatAmount` (z̄) is the mean of the repeat purchases' amounts,
/// the first purchase excluded (0 when x = 0).
public struct CustomerSummary: Codable, Sendable, Hashable {
    /// The customer's identifier.
    public var customerID: String
    /// Repeat purchases (distinct purchase days − 1).
    public var x: Int
    /// Weeks from the first to the last purchase.
    public var tx: Double
    /// Weeks from the first purchase to the end of the calibration period.
    public var T: Double
    /// Mean amount of the repeat purchases (z̄), 0 when there are none.
    public var averageRepeatAmount: Double
    /// Mean amount over all purchase days, the first included.
    public var averageOrderAmount: Double
    /// Days from the last purchase to the end of the calibration period.
    public var daysSinceLastPurchase: Int

    /// Creates a summary from its figures (the day counts are derived from the weeks).
    public init(customerID: String, x: Int, tx: Double, T: Double, averageRepeatAmount: Double, averageOrderAmount: Double? = nil) {
        self.customerID = customerID
        self.x = max(x, 0)
        self.tx = tx
        self.T = T
        self.averageRepeatAmount = averageRepeatAmount
        self.averageOrderAmount = averageOrderAmount ?? averageRepeatAmount
        let days = ((T - tx) * 7).rounded()
        self.daysSinceLastPurchase = days.isFinite && abs(days) < 1e12 ? Int(days) : 0
    }

    /// Summarizes transactions up to and including the day of `calibrationEnd`, one summary per customer in order of
    /// first appearance. Later transactions, and customers whose first purchase is later, are left out; transactions
    /// with a non-finite amount are skipped. Every remaining transaction day counts as a purchase, whatever its amount.
    public static func summarize(_ transactions: [CustomerTransaction], calibrationEnd: Date) -> [CustomerSummary] {
        let endDay = CustomerTransaction.day(of: calibrationEnd)
        var index: [String: Int] = [:]
        var ids: [String] = []
        var days: [[Int: Double]] = []
        for transaction in transactions where transaction.amount.isFinite {
            let day = transaction.day
            guard day <= endDay else { continue }
            if let i = index[transaction.customerID] {
                days[i][day, default: 0] += transaction.amount
            } else {
                index[transaction.customerID] = ids.count
                ids.append(transaction.customerID)
                days.append([day: transaction.amount])
            }
        }
        return ids.indices.map { i in summary(id: ids[i], amountsByDay: days[i], endDay: endDay) }
    }

    private static func summary(id: String, amountsByDay: [Int: Double], endDay: Int) -> CustomerSummary {
        let ordered = amountsByDay.keys.sorted()
        let first = ordered.first ?? endDay
        let last = ordered.last ?? endDay
        let repeats = ordered.dropFirst().map { amountsByDay[$0] ?? 0 }
        let repeatMean = repeats.isEmpty ? 0 : repeats.reduce(0, +) / Double(repeats.count)
        let allMean = ordered.isEmpty ? 0 : amountsByDay.values.reduce(0, +) / Double(ordered.count)
        var result = CustomerSummary(
            customerID: id, x: ordered.count - 1, tx: Double(last - first) / 7, T: Double(endDay - first) / 7,
            averageRepeatAmount: repeatMean, averageOrderAmount: allMean
        )
        result.daysSinceLastPurchase = endDay - last
        return result
    }
}
