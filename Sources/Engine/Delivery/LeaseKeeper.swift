import AutopilotCore
import Foundation
import Storage

/// Keeps a dispatch batch's claim alive while it works: the lease is renewed with the outcomes written every quarter of
/// it, and the batch stops (handing the rest back) if it ever comes within a fifth of its end, so that a slow provider or
/// model never lets another worker claim, and send again, a message this one still holds.
struct LeaseKeeper {
    let lease: TimeInterval
    private var renewedAt = ContinuousClock.now

    init(lease: TimeInterval) {
        self.lease = lease
    }

    private var sinceRenewal: Double {
        let elapsed = (ContinuousClock.now - renewedAt).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    /// Before working on the next message: false when the claim is too close to its end; renews it (writing what is
    /// pending) when a quarter of it has passed.
    mutating func keep(_ held: () -> [String], log: inout DeliveryLog, clock: any Clock) async throws -> Bool {
        if sinceRenewal >= lease * 0.8 { return false }
        if let renewal = renewalIfDue(held, clock: clock) { try await log.flush(renewing: renewal) }
        return true
    }

    /// The renewal to write with the next flush once a quarter of the lease has passed: the messages still held, until a
    /// full lease from now.
    mutating func renewalIfDue(_ held: () -> [String], clock: any Clock) -> OutboxLease? {
        // Past four fifths the renewal could land after another worker's claim: then the batch stops instead.
        let elapsed = sinceRenewal
        guard elapsed >= lease / 4, elapsed < lease * 0.8 else { return nil }
        let ids = held()
        guard !ids.isEmpty else { return nil }
        renewedAt = ContinuousClock.now
        return OutboxLease(messageIDs: ids, until: clock.now().addingTimeInterval(lease))
    }
}
