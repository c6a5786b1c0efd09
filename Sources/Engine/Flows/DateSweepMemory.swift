import Foundation
import Synchronization

/// What a worker remembers of its date sweeps so a pass between two sweeps reads nothing: per tenant and sweep cursor,
/// the moment before which the next sweep cannot be due. Cursors only move forward, so a stale memory (another worker
/// swept since) only lets a sweep read its cursor again, never skip a due one.
final class DateSweepMemory: Sendable {
    private let quietUntil = Mutex<[String: Date]>([:])

    func isQuiet(tenantID: String, cursor: String, at now: Date) -> Bool {
        quietUntil.withLock { ($0[tenantID + "\u{1F}" + cursor] ?? .distantPast) > now }
    }

    func remember(tenantID: String, cursor: String, quietUntil moment: Date) {
        quietUntil.withLock { $0[tenantID + "\u{1F}" + cursor] = moment }
    }
}
