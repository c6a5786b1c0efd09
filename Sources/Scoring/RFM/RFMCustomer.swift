public import Foundation

/// One customer's RFM measures, derived from their transactions.
public struct RFMCustomer: Codable, Sendable, Hashable {
    /// The customer's identifier.
    public var customerID: String
    /// Recency (days), order count and total spend.
    public var measures: RFMMeasures

    /// Creates the pair.
    public init(customerID: String, measures: RFMMeasures) {
        self.customerID = customerID
        self.measures = measures
    }

    /// Per customer, in order of first appearance: days from the last order to `analysisDate` (whole UTC days),
    /// the number of transactions (each line is an order, as in the R `rfm` package) and the sum of amounts.
    /// Transactions after `analysisDate` are ignored.
    public static func summarize(_ transactions: [CustomerTransaction], analysisDate: Date) -> [RFMCustomer] {
        let analysisDay = CustomerTransaction.day(of: analysisDate)
        var index: [String: Int] = [:]
        var ids: [String] = []
        var lastDay: [Int] = []
        var counts: [Int] = []
        var totals: [Double] = []
        for transaction in transactions {
            let day = transaction.day
            guard day <= analysisDay else { continue }
            if let i = index[transaction.customerID] {
                lastDay[i] = max(lastDay[i], day)
                counts[i] += 1
                totals[i] += transaction.amount.isFinite ? transaction.amount : 0
            } else {
                index[transaction.customerID] = ids.count
                ids.append(transaction.customerID)
                lastDay.append(day)
                counts.append(1)
                totals.append(transaction.amount.isFinite ? transaction.amount : 0)
            }
        }
        return ids.indices.map { i in
            RFMCustomer(
                customerID: ids[i],
                measures: RFMMeasures(recencyDays: Double(analysisDay - lastDay[i]), orderCount: counts[i], totalSpent: totals[i])
            )
        }
    }
}
