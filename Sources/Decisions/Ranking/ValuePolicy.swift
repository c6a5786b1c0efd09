import Scoring

/// The assumptions behind `ExpectedValue` where a contact's own numbers are missing. A tenant may tune them.
public struct ValuePolicy: Sendable, Hashable, Codable {
    /// The deal size of a lead that states none, in the tenant's currency (default 1,000).
    public var defaultDealSize: Double
    /// The churn risk of a customer not scored yet (default 0.5: as likely to stay as to leave).
    public var unscoredChurnRisk: Double

    public init(defaultDealSize: Double = 1_000, unscoredChurnRisk: Double = 0.5) {
        self.defaultDealSize = defaultDealSize
        self.unscoredChurnRisk = unscoredChurnRisk
    }

    public static let standard = ValuePolicy()

    /// A lead's score when it was not recorded: the middle of its tier's band (hot 87.5, warm 62.5, cool 37.5, cold 12.5).
    public static func leadScore(for tier: LeadTier) -> Double {
        switch tier {
        case .hot: 87.5
        case .warm: 62.5
        case .cool: 37.5
        case .cold: 12.5
        }
    }

    /// What following up `contact` is worth. A contact who is both a lead and a customer is valued on the larger of the two.
    public func expectedValue(of contact: ContactHistory) -> ExpectedValue {
        var candidates: [ExpectedValue] = []
        if let lead = contact.lead {
            let score = lead.score.flatMap { $0.isFinite ? $0 : nil } ?? Self.leadScore(for: lead.tier)
            let deal = lead.dealSize.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
            let source: ExpectedValue.Source = deal == nil ? .defaultDealSize : .dealSize
            candidates.append(ExpectedValue(basis: .lead, likelihood: score / 100, value: deal ?? defaultDealSize, source: source))
        }
        if let lifetime = contact.lifetimeValue, lifetime.isFinite {
            candidates.append(
                ExpectedValue(
                    basis: .customer, likelihood: contact.churn?.score ?? unscoredChurnRisk, value: lifetime,
                    source: contact.lifetimeValueIsPredicted ? .predictedLifetimeValue : .spentSoFar))
        }
        return candidates.max { $0.amount < $1.amount } ?? .unknown
    }
}
