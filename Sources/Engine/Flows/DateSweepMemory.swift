import Foundation
import Synchronization

/// What a worker remembers of its date sweeps so a pass between two sweeps reads nothing: per tenant and sweep cursor,
/// the moment before which the next sweep cannot be due, and the moment its last sweep reached (a quiet sweep is not
/// written to the database). A stale memory (another worker swept since) only makes a sweep cover a window again, where
/// run ids keep it from starting anything twice; it never skips a due one.
final class DateSweepMemory: Sendable {
    private let quietUntil = Mutex<[String: Date]>([:])
    /// The moment each sweep last reached in this process, persisted or not.
    private let sweptTo = Mutex<[String: Date]>([:])

    func isQuiet(tenantID: String, cursor: String, at now: Date) -> Bool {
        quietUntil.withLock { ($0[tenantID + "\u{1F}" + cursor] ?? .distantPast) > now }
    }

    func remember(tenantID: String, cursor: String, quietUntil moment: Date) {
        quietUntil.withLock { $0[tenantID + "\u{1F}" + cursor] = moment }
    }

    func lastSweep(tenantID: String, cursor: String) -> Date? {
        sweptTo.withLock { $0[tenantID + "\u{1F}" + cursor] }
    }

    func rememberSweep(tenantID: String, cursor: String, at moment: Date) {
        sweptTo.withLock { $0[tenantID + "\u{1F}" + cursor] = moment }
    }
}
