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

    public init(
        id: String, email: String? = nil, locale: String? = nil, consents: ChannelConsents, preferredChannel: Channel? = nil,
        messages: [ContactMessage] = [], lead: LeadSnapshot? = nil, churn: ChurnAssessment? = nil
    ) {
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
