import AutopilotCore
import Foundation
import Scoring

/// A proposed follow-up for one contact, with its reason and the numbers behind it. Nothing is sent until a person
/// accepts it (or a flow is delegated for its rule).
public struct Recommendation: Sendable, Hashable, Codable, Identifiable {
    /// Derived from the contact, the rule and what triggered it: recomputing gives the same id (`RecommendationID`).
    public var id: String
    public var contactID: String
    public var contactEmail: String?
    public var rule: RecommendationRule
    public var action: RecommendedAction
    /// One sentence with its numbers, in `locale`.
    public var reason: String
    public var locale: ScoringLocale
    public var evidence: RecommendationEvidence
    public var priority: RecommendationPriority
    /// The channel to follow up on; the contact consented to it.
    public var channel: Channel
    public var templateID: String
    /// The moment of the computation (`now`).
    public var createdAt: Date
    /// When the action is due: the moment the rule started to hold plus the priority's response window. Overdue
    /// recommendations have `dueAt` before `createdAt`.
    public var dueAt: Date
    /// What following up is worth (`ValuePolicy.expectedValue(of:)`); the daily list is ranked by it.
    public var expectedValue: ExpectedValue
    /// The contact's name, when known.
    public var contactName: String?

    public init(
        id: String, contactID: String, contactEmail: String?, rule: RecommendationRule, action: RecommendedAction, reason: String,
        locale: ScoringLocale, evidence: RecommendationEvidence, priority: RecommendationPriority, channel: Channel, templateID: String,
        createdAt: Date, dueAt: Date, expectedValue: ExpectedValue = .unknown, contactName: String? = nil
    ) {
        self.expectedValue = expectedValue
        self.contactName = contactName
        self.id = id
        self.contactID = contactID
        self.contactEmail = contactEmail
        self.rule = rule
        self.action = action
        self.reason = reason
        self.locale = locale
        self.evidence = evidence
        self.priority = priority
        self.channel = channel
        self.templateID = templateID
        self.createdAt = createdAt
        self.dueAt = dueAt
    }

    /// Most urgent first: priority, then the earliest due, then the id (so the order never depends on input order).
    public static func isMoreUrgent(_ lhs: Recommendation, than rhs: Recommendation) -> Bool {
        if lhs.priority != rhs.priority { return lhs.priority < rhs.priority }
        if lhs.dueAt != rhs.dueAt { return lhs.dueAt < rhs.dueAt }
        return lhs.id < rhs.id
    }
}
