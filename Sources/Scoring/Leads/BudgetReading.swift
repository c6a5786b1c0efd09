import Foundation

/// A budget found in the text, with how strongly the context says it is one.
struct BudgetReading: Sendable {
    var budget: LeadBudget
    var start: Int
    var end: Int
    var rule: String
    var strength: Int
}
