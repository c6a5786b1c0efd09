/// What a template draft is for: its goal and, when named, its audience. Raw values are stable.
public struct DraftPurpose: Sendable, Hashable, Codable, CustomStringConvertible {
    public var goal: DraftGoal
    public var audience: DraftAudience?

    public init(goal: DraftGoal, audience: DraftAudience? = nil) {
        self.goal = goal
        self.audience = audience
    }

    /// In English words, e.g. "follow-up cold leads".
    public var description: String {
        [goal.rawValue, audience?.rawValue].compactMap { $0 }.joined(separator: " ")
    }
}

/// The goal of a template draft.
public enum DraftGoal: String, Sendable, Hashable, Codable, CaseIterable {
    case followUp = "follow-up"
    case welcome
    case abandonedCart = "abandoned-cart"
    case winBack = "win-back"
    case reviewRequest = "review-request"
    case birthday
    case promotion
    case thankYou = "thank-you"
    case newsletter
    case announcement
    /// No goal named: a general message.
    case general
}

/// Who a template draft is written for.
public enum DraftAudience: String, Sendable, Hashable, Codable, CaseIterable {
    case coldLeads = "cold leads"
    case warmLeads = "warm leads"
    case hotLeads = "hot leads"
    case leads
    case newCustomers = "new customers"
    case inactiveCustomers = "inactive customers"
    case vipCustomers = "VIP customers"
    case atRiskCustomers = "at-risk customers"
    case customers
}
