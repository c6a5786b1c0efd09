import Foundation

/// How often a stated budget is spent. An unstated period is monthly (bant-examples.json).
public enum BudgetPeriod: String, Sendable, Codable, CaseIterable, Hashable {
    case month
    case year
}
