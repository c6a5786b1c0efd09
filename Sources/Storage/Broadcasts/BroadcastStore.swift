import AutopilotCore
import Foundation

/// Broadcasts and their messages in the outbox (docs/broadcasts.md). Every operation is one transaction, scoped by tenant.
public protocol BroadcastStore: Sendable {
    /// Saves a new broadcast; false when the id is taken.
    func createBroadcast(_ broadcast: BroadcastRecord) async throws -> Bool
    func broadcasts(tenantID: String) async throws -> [BroadcastRecord]
    func broadcast(tenantID: String, id: String) async throws -> BroadcastRecord?
    /// Members of a segment by contact id after `after`, with their time zones.
    func segmentRecipients(tenantID: String, segmentID: String, after: String?, limit: Int) async throws -> [BroadcastRecipientRow]
    /// Queues messages (a key already queued is left as it is) and saves the broadcast's progress, in one transaction, only
    /// while the broadcast's status is still `expected` (a pause or a cancel in between wins). Returns whether it was written.
    /// `channelSlot` moves the tenant's throttle position for the channel (a `flow_cursors` row) in the same transaction.
    func queueBroadcastMessages(
        _ messages: [BroadcastMessage], saving broadcast: BroadcastRecord, expected: BroadcastStatus, channelSlot: (name: String, at: Date)?, now: Date
    ) async throws -> Bool
    /// Saves the broadcast when its status is still one of `expected`, and holds (`pause`), releases (`resume`) or stops
    /// (`cancel`) its unsent messages in the same transaction. Returns whether it was written.
    func updateBroadcast(_ broadcast: BroadcastRecord, expected: Set<BroadcastStatus>, messages: BroadcastMessageChange?, steps: [String], now: Date)
        async throws -> Bool
    /// Per outbox step: queued, waiting, sent, blocked, skipped, failed, and the timeline's delivered, opened, clicked,
    /// replied, bounced.
    /// The figures of a broadcast's steps; with `attributing`, the orders they brought within those windows.
    func broadcastFigures(tenantID: String, steps: [String], attributing: AttributionWindows?) async throws -> [BroadcastStepFigures]
    /// Messages held back or stopped, by reason.
    func broadcastBlockedReasons(tenantID: String, steps: [String]) async throws -> [String: Int]
}

/// What a change of a broadcast's status does to its unsent messages.
public enum BroadcastMessageChange: Sendable, Equatable {
    case pause, resume, cancel
}

extension BroadcastStore {
    public func broadcastFigures(tenantID: String, steps: [String]) async throws -> [BroadcastStepFigures] {
        try await broadcastFigures(tenantID: tenantID, steps: steps, attributing: nil)
    }
}
