import Foundation

/// A budget stated by a lead: the lower bound of a stated range, in the stated currency.
public struct LeadBudget: Sendable, Codable, Hashable {
    /// The amount in `currency` ("1,5k" is 1500).
    public var amount: Double
    /// The stated currency (the default currency when none is written).
    public var currency: LeadCurrency
    /// Per month unless the text says per year.
    public var period: BudgetPeriod

    public init(amount: Double, currency: LeadCurrency, period: BudgetPeriod = .month) {
        self.amount = amount
        self.currency = currency
        self.period = period
    }

    /// The monthly amount in euros with the given rates (a yearly amount is divided by 12).
    public func monthlyEuros(rates: EuroRates) -> Double {
        let monthly = period == .year ? amount / 12 : amount
        let euros = monthly * rates.rate(for: currency)
        return euros.isFinite ? euros : 0
    }
}
