import Synchronization

/// What an engine remembers between passes so an idle pass reads nothing for scores: which tenants it has already
/// caught up (the event cursor is checked once per process; afterwards only when events arrive), and the last day each
/// tenant's nightly scoring ran.
final class ScoreMemory: Sendable {
    private struct State {
        var caughtUp: Set<String> = []
        var nightly: [String: Int64] = [:]
    }

    private let state = Mutex(State())

    /// True the first time a tenant is asked about (then the scores catch up on whatever the event log holds).
    func firstLook(at tenantID: String) -> Bool {
        state.withLock { $0.caughtUp.insert(tenantID).inserted }
    }

    func nightlyDone(_ tenantID: String, day: Int64) -> Bool {
        state.withLock { ($0.nightly[tenantID] ?? 0) >= day }
    }

    func rememberNightly(_ tenantID: String, day: Int64) {
        state.withLock { $0.nightly[tenantID] = max($0.nightly[tenantID] ?? 0, day) }
    }
}
