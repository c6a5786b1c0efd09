import Foundation

/// Conversion rates to euros used to score budgets (1 unit of the currency = `rate` EUR).
public struct EuroRates: Sendable, Codable, Hashable {
    /// Rates by currency; a missing currency converts at its reference rate.
    public var rates: [LeadCurrency: Double]

    /// Rates by currency (1 unit = rate EUR).
    public init(_ rates: [LeadCurrency: Double]) {
        self.rates = rates
    }

    /// The defaults of bant-examples.json: USD 0.92, GBP 1.17, CHF 1.05, CAD 0.68, MAD 0.092.
    public static let reference = EuroRates(referenceRates)

    /// The rate of `currency` to euros; a non-finite or negative configured rate counts as 0.
    public func rate(for currency: LeadCurrency) -> Double {
        guard let rate = rates[currency] ?? Self.referenceRates[currency] else { return 1 }
        return rate.isFinite && rate >= 0 ? rate : 0
    }

    private static let referenceRates: [LeadCurrency: Double] = [.eur: 1, .usd: 0.92, .gbp: 1.17, .chf: 1.05, .cad: 0.68, .mad: 0.092]
}
