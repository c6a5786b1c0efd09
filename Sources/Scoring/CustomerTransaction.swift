public import Foundation

/// One purchase by one customer: the input of RFM and lifetime-value scoring.
public struct CustomerTransaction: Codable, Sendable, Hashable {
    /// The customer's identifier, as the source gives it.
    public var customerID: String
    /// When the purchase happened; scoring works in whole UTC days.
    public var date: Date
    /// The amount, in the tenant's currency.
    public var amount: Double

    /// Creates a transaction.
    public init(customerID: String, date: Date, amount: Double) {
        self.customerID = customerID
        self.date = date
        self.amount = amount
    }

    /// The UTC day number (days since 1970-01-01) of `date`.
    public var day: Int { Self.day(of: date) }

    /// The UTC day number (days since 1970-01-01) of a date.
    public static func day(of date: Date) -> Int {
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        guard days.isFinite, abs(days) < 1e12 else { return 0 }
        return Int(days)
    }
}
