import Foundation
import Scoring

/// What the rules need to know of a contact's lead: its tier and whether someone has reached out yet.
public struct LeadSnapshot: Sendable, Hashable, Codable {
    public var tier: LeadTier
    public var createdAt: Date
    /// When the lead was first contacted. When nil, the first outbound message sent at or after `createdAt` counts.
    public var firstContactedAt: Date?
    /// The lead's score in [0, 100], when scored; else its tier stands in (`ValuePolicy.leadScore(for:)`).
    public var score: Double?
    /// The size of the deal in the tenant's currency, when known; else `ValuePolicy.defaultDealSize`.
    public var dealSize: Double?

    public init(tier: LeadTier, createdAt: Date, firstContactedAt: Date? = nil, score: Double? = nil, dealSize: Double? = nil) {
        self.score = score
        self.dealSize = dealSize
        self.tier = tier
        self.createdAt = createdAt
        self.firstContactedAt = firstContactedAt
    }
}
