import AutopilotCore
import Foundation

/// What the dashboard's messages page reads: one page of a tenant's outbox, newest first, filtered by flow, channel,
/// status and contact. Every filter has an index (migration 21).
public protocol OutboxReadStore: Sendable {
    func outboxPage(_ query: OutboxPageQuery) async throws -> [OutboxListing]
}

/// Which messages, and which page of them.
public struct OutboxPageQuery: Sendable, Equatable {
    public var tenantID: String
    public var flowID: String?
    public var channel: String?
    /// Outbox statuses (`queued`, `sent`, `blocked`, `failed`, `skipped`); empty: all.
    public var statuses: [String]
    /// The contact's email address, exactly (addresses are stored in lower case).
    public var contactEmail: String?
    public var limit: Int
    public var offset: Int

    public init(
        tenantID: String, flowID: String? = nil, channel: String? = nil, statuses: [String] = [], contactEmail: String? = nil, limit: Int = 50,
        offset: Int = 0
    ) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.channel = channel
        self.statuses = statuses
        self.contactEmail = contactEmail
        self.limit = limit
        self.offset = offset
    }
}

/// One outbox message as the list shows it, with its contact's email address.
public struct OutboxListing: Sendable, Equatable {
    public var id: String
    public var flowID: String?
    public var step: String?
    public var channel: String
    public var template: String
    public var status: String
    public var blockedReason: String?
    public var lastError: String?
    public var recipient: String?
    public var contactID: String
    public var contactEmail: String?
    public var subject: String?
    public var scheduledAt: Date
    public var nextAttemptAt: Date?
    public var sentAt: Date?
    public var createdAt: Date
    /// What became of its coupon in the shop, in plain words (docs/coupons.md).
    public var couponNote: String? = nil
    /// What allowed it to be sent (`consent`, `legitimate_interest`, `contract`), once sent.
    public var lawfulBasis: String? = nil
}
