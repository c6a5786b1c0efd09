import AutopilotCore
import Foundation

/// Everything the decision rules read about one contact: who, how they may be reached, what was said, and
/// optionally their lead and churn risk. Built by the engine from storage; no database here. One history per contact:
/// the engine proposes at most one recommendation per history.
public struct ContactHistory: Sendable, Hashable, Codable {
    public var id: String
    public var email: String?
    /// A language tag ("fr", "fr-FR", "en_GB"); reasons are written in French or English from it, else in the
    /// tenant's language.
    public var locale: String?
    public var consents: ChannelConsents
    public var preferredChannel: Channel?
    /// The messages, in any order.
    public var messages: [ContactMessage]
    public var lead: LeadSnapshot?
    /// Present for customers that have been scored.
    public var churn: ChurnAssessment?
    /// For customers: the predicted lifetime value (BG/NBD and Gamma-Gamma) in the tenant's currency, else what they
    /// spent so far; nil for contacts who never ordered.
    public var lifetimeValue: Double?
    /// Whether `lifetimeValue` is a prediction (true) or what was spent so far (false).
    public var lifetimeValueIsPredicted: Bool
    /// A name to show (first and last name), when known.
    public var name: String?

    public init(
        id: String, email: String? = nil, locale: String? = nil, consents: ChannelConsents, preferredChannel: Channel? = nil,
        messages: [ContactMessage] = [], lead: LeadSnapshot? = nil, churn: ChurnAssessment? = nil, lifetimeValue: Double? = nil,
        lifetimeValueIsPredicted: Bool = true, name: String? = nil
    ) {
        self.lifetimeValue = lifetimeValue
        self.lifetimeValueIsPredicted = lifetimeValueIsPredicted
        self.name = name
        self.id = id
        self.email = email
        self.locale = locale
        self.consents = consents
        self.preferredChannel = preferredChannel
        self.messages = messages
        self.lead = lead
        self.churn = churn
    }
}
