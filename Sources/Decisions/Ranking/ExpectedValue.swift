/// What following up a contact is worth, in the tenant's currency, with the two numbers it is the product of:
/// for a lead, the chance of winning it (its score over 100) times the deal size; for a customer, the chance of losing
/// them (their churn risk) times their lifetime value — the value at stake if nobody follows up.
public struct ExpectedValue: Sendable, Hashable, Codable {
    /// Which of the two the value is computed from.
    public enum Basis: String, Sendable, Hashable, Codable, CaseIterable {
        /// Lead score × deal size.
        case lead
        /// Churn risk × lifetime value.
        case customer
        /// Neither a lead nor a customer with orders: nothing to go on, worth 0 (ranked after, by urgency).
        case unknown
    }

    /// Where `value` comes from. Raw values appear in the API.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        /// The deal size recorded on the lead.
        case dealSize = "deal_size"
        /// No deal size recorded: `ValuePolicy.defaultDealSize`.
        case defaultDealSize = "default_deal_size"
        /// The predicted lifetime value (BG/NBD and Gamma-Gamma).
        case predictedLifetimeValue = "predicted_lifetime_value"
        /// Not enough history to predict: what the customer spent so far.
        case spentSoFar = "spent_so_far"
        case none
    }

    /// `likelihood × value`, rounded to the cent.
    public var amount: Double
    public var basis: Basis
    /// In [0, 1]: the lead score over 100, or the churn risk.
    public var likelihood: Double
    /// The deal size or the lifetime value, in the tenant's currency.
    public var value: Double
    public var source: Source

    public init(basis: Basis, likelihood: Double, value: Double, source: Source) {
        let likelihood = likelihood.isFinite ? min(max(likelihood, 0), 1) : 0
        let value = value.isFinite ? max(value, 0) : 0
        self.basis = basis
        self.likelihood = likelihood
        self.value = value
        self.source = source
        self.amount = (likelihood * value * 100).rounded() / 100
    }

    /// Nothing to go on.
    public static let unknown = ExpectedValue(basis: .unknown, likelihood: 0, value: 0, source: .none)
}
