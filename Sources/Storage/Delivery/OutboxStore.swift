import AutopilotCore
import Foundation

/// The outbox: messages queued by flow steps and accepted recommendations, claimed by dispatchers, and what became of
/// each. A claim holds messages for a lease; a dispatcher renews it while it works and records each outcome as soon as it
/// is known, so a dispatcher that dies re-sends at most the message whose answer it had not yet recorded.
public protocol OutboxStore: Sendable {
    /// Claims up to `limit` messages due at `now` (any tenant) until `now + lease`, with their recipients' facts.
    func claimDueMessages(now: Date, limit: Int, lease: TimeInterval) async throws -> [DispatchItem]
    /// Records what became of dispatched messages (whole rows, by id) and the coupons they issued, and renews the lease of
    /// the messages the dispatcher still holds, in one transaction.
    func recordDispatch(_ messages: [OutboxRecord], coupons: [CouponRecord], renewing lease: OutboxLease?) async throws
    /// The earliest moment a message is due (any tenant), for the simulator's clock.
    func nextMessageDue() async throws -> Date?
    func outboxStatusCounts(tenantID: String) async throws -> [String: Int]
    func outboxMessages(tenantID: String, contactID: String?, limit: Int) async throws -> [ListedMessage]
}

extension OutboxStore {
    /// Records outcomes without renewing any lease.
    public func recordDispatch(_ messages: [OutboxRecord], coupons: [CouponRecord] = []) async throws {
        try await recordDispatch(messages, coupons: coupons, renewing: nil)
    }
}

/// Claimed messages a dispatcher still holds, and the new end of their lease (its heartbeat).
public struct OutboxLease: Sendable, Hashable {
    public var messageIDs: [String]
    public var until: Date

    public init(messageIDs: [String], until: Date) {
        self.messageIDs = messageIDs
        self.until = until
    }
}
