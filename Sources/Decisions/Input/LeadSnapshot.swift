import Foundation
import Scoring

/// What the rules need to know of a contact's lead: its tier and whether someone has reached out yet.
public struct LeadSnapshot: Sendable, Hashable, Codable {
    public var tier: LeadTier
    public var createdAt: Date
    /// When the lead was first contacted. When nil, the first outbound message sent at or after `createdAt` counts.
    public var firstContactedAt: Date?

    public init(tier: LeadTier, createdAt: Date, firstContactedAt: Date? = nil) {
        self.tier = tier
        self.createdAt = createdAt
        self.firstContactedAt = firstContactedAt
    }
}
