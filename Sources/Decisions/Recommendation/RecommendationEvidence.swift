import AutopilotCore
import Foundation
import Scoring

/// The facts a recommendation stands on, as numbers a person (or a dashboard) can check.
public struct RecommendationEvidence: Sendable, Hashable, Codable {
    /// Hours since the triggering moment (delivery, open, send, lead creation, or last outbound message); nil when
    /// there is no such moment (a customer at risk who was never messaged).
    public var hoursSince: Double?
    /// The rule's threshold in hours (48, 24, 72, 1, or the at-risk quiet period).
    public var thresholdHours: Double
    /// The message that triggered the rule, when one did.
    public var messageID: String?
    public var messageChannel: Channel?
    /// The moment `hoursSince` counts from.
    public var since: Date?
    public var leadTier: LeadTier?
    public var churnBand: ChurnBand?
    public var churnScore: Double?
    /// Other rules that also held for this contact but ranked lower (one recommendation per contact).
    public var alsoHeld: [RecommendationRule]
    /// Why the priority is above the rule's base priority, if it is.
    public var escalations: [PriorityEscalation]

    public init(
        hoursSince: Double?, thresholdHours: Double, messageID: String? = nil, messageChannel: Channel? = nil, since: Date? = nil,
        leadTier: LeadTier? = nil, churnBand: ChurnBand? = nil, churnScore: Double? = nil, alsoHeld: [RecommendationRule] = [],
        escalations: [PriorityEscalation] = []
    ) {
        self.hoursSince = hoursSince
        self.thresholdHours = thresholdHours
        self.messageID = messageID
        self.messageChannel = messageChannel
        self.since = since
        self.leadTier = leadTier
        self.churnBand = churnBand
        self.churnScore = churnScore
        self.alsoHeld = alsoHeld
        self.escalations = escalations
    }
}
