import AutopilotCore
import Foundation

/// Everything scoring and the decision rules read about a tenant's customers, loaded in one go.
public struct ScoringData: Sendable {
    public struct Order: Sendable {
        public var contactID: String
        public var placedAt: Date
        public var amount: Double
    }

    public struct Reply: Sendable {
        public var contactID: String
        public var channel: Channel
        public var at: Date
        public var messageExternalID: String?
    }

    public struct Lead: Sendable {
        public var contactID: String
        public var tier: String?
        public var createdAt: Date
        /// The BANT score in [0, 100], when scored.
        public var score: Double?

        public init(contactID: String, tier: String?, createdAt: Date, score: Double? = nil) {
            self.contactID = contactID
            self.tier = tier
            self.createdAt = createdAt
            self.score = score
        }
    }

    public var contacts: [ContactRecord] = []
    public var previousChurn: [String: Double] = [:]
    public var orders: [Order] = []
    public var messages: [MessageRecord] = []
    public var replies: [Reply] = []
    /// Support tickets by contact since the requested date.
    public var ticketDates: [String: [Date]] = [:]
    public var leads: [Lead] = []

    public init() {}
}

/// How much of a tenant's history a scoring read brings.
public enum ScoringScope: Sendable {
    /// What the scores need: contacts, orders, the emails opened or clicked (engagement: only who, and when opened and
    /// clicked, are read) and recent support tickets. No replies, no leads, no other message.
    case scores
    /// Also what the decision rules read: every message, the replies and the leads.
    case everything
}

/// Scores computed for one contact, kept on the contact row.
public struct ContactScore: Sendable {
    public var contactID: String
    public var churnScore: Double?
    public var churnBand: String?
    public var rfmSegment: String?
    public var clv: Double?
    public var probabilityAlive: Double?
    /// The recency, frequency and monetary scores (1…5) the segment came from.
    public var rfm: (recency: Int, frequency: Int, monetary: Int)?
    /// When the next order is expected (lifetime-value model), if the customer is likely still active.
    public var expectedNextOrderAt: Date?

    public init(
        contactID: String, churnScore: Double?, churnBand: String?, rfmSegment: String?, clv: Double?, probabilityAlive: Double?,
        rfm: (recency: Int, frequency: Int, monetary: Int)? = nil, expectedNextOrderAt: Date? = nil
    ) {
        self.contactID = contactID
        self.rfm = rfm
        self.expectedNextOrderAt = expectedNextOrderAt
        self.churnScore = churnScore
        self.churnBand = churnBand
        self.rfmSegment = rfmSegment
        self.clv = clv
        self.probabilityAlive = probabilityAlive
    }
}

/// A person's decision on a recommendation, as stored.
public struct StoredRecommendationDecision: Sendable, Equatable {
    public var recommendationID: String
    public var contactID: String?
    public var status: RecommendationDecisionStatus
    public var until: Date?
    public var decidedAt: Date
    /// nil: a person; `flow:ID`: a flow delegated for the recommendation's rule.
    public var decidedBy: String?

    public init(
        recommendationID: String, contactID: String?, status: RecommendationDecisionStatus, until: Date?, decidedAt: Date, decidedBy: String? = nil
    ) {
        self.recommendationID = recommendationID
        self.contactID = contactID
        self.status = status
        self.until = until
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
    }
}
