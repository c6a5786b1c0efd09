import Foundation

/// A currency a lead can state a budget in.
public enum LeadCurrency: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Hashable {
    case eur = "EUR"
    case usd = "USD"
    case gbp = "GBP"
    case chf = "CHF"
    case cad = "CAD"
    case mad = "MAD"
}
