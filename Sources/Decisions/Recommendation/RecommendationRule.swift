/// The rules that propose a follow-up. Raw values are persisted and appear in the API; they never change.
public enum RecommendationRule: String, Sendable, Codable, Hashable, CaseIterable {
    /// A hot lead nobody has contacted more than an hour after it came in.
    case hotLeadWaiting = "hot_lead_waiting"
    /// A customer at critical churn risk who has heard nothing from the shop for a while.
    case atRiskCustomer = "at_risk_customer"
    /// An email delivered more than 48 h ago and still not opened.
    case notOpened = "not_opened"
    /// An email opened (or a WhatsApp message read) more than 24 h ago, with no reply.
    case openedNoReply = "opened_no_reply"
    /// The latest outbound message is more than 3 days old and has no reply.
    case silence

    /// The priority before escalation (see `RecommendationPriority`).
    public var basePriority: RecommendationPriority {
        switch self {
        case .hotLeadWaiting, .atRiskCustomer: .high
        case .notOpened, .openedNoReply: .medium
        case .silence: .low
        }
    }

    /// The template suggested for the follow-up.
    public var templateID: String {
        switch self {
        case .hotLeadWaiting: "hot-lead-call"
        case .atRiskCustomer: "win-back-vip"
        case .notOpened: "follow-up-not-opened"
        case .openedNoReply: "follow-up-opened"
        case .silence: "follow-up-silence"
        }
    }

    /// When several rules hold for one contact, the lowest rank wins (see docs/recommendations.md).
    public var precedence: Int {
        switch self {
        case .hotLeadWaiting: 0
        case .atRiskCustomer: 1
        case .notOpened: 2
        case .openedNoReply: 3
        case .silence: 4
        }
    }

    /// Whether the rule reads the message history (as opposed to the lead or the churn score).
    public var isMessageRule: Bool {
        switch self {
        case .notOpened, .openedNoReply, .silence: true
        case .hotLeadWaiting, .atRiskCustomer: false
        }
    }
}
