import Synchronization

/// What the driver's callers are doing with PostgresNIO's pool, counted by the driver itself: how many wait for a
/// connection, how many hold one, and the statement each holder is running (and since when). A caller stuck in the pool
/// or on the server shows here (the tests print it with AUTOPILOT_TEST_POSTGRES_WATCH).
public final class PostgresPoolGauge: Sendable {
    /// One caller holding a connection.
    public struct Holder: Sendable, Equatable {
        public var statement: String
        public var since: ContinuousClock.Instant
    }

    /// The gauge at one moment.
    public struct Reading: Sendable, Equatable, CustomStringConvertible {
        public var waiting: Int
        public var leased: Int
        public var holders: [Holder]

        public var description: String {
            let now = ContinuousClock.now
            let lines = holders.map { holder in
                let elapsed = now - holder.since
                let milliseconds = elapsed.components.seconds * 1_000 + elapsed.components.attoseconds / 1_000_000_000_000_000
                return "  for \(milliseconds) ms: \(holder.statement)"
            }
            return (["waiting for a connection: \(waiting), holding one: \(leased)"] + lines).joined(separator: "\n")
        }
    }

    private struct State {
        var waiting = 0
        var next = 0
        var holders: [Int: Holder] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    public func read() -> Reading {
        state.withLock { state in
            Reading(waiting: state.waiting, leased: state.holders.count, holders: state.holders.sorted { $0.key < $1.key }.map(\.value))
        }
    }

    func askedForConnection() {
        state.withLock { $0.waiting += 1 }
    }

    /// The caller got its connection: returns the number it reports its statements and its release under.
    func gotConnection() -> Int {
        state.withLock { state in
            state.waiting -= 1
            state.next += 1
            state.holders[state.next] = Holder(statement: "(none yet)", since: .now)
            return state.next
        }
    }

    /// A caller that gave up before getting a connection (an error or a cancellation in the pool).
    func gaveUpWaiting() {
        state.withLock { $0.waiting -= 1 }
    }

    func running(_ sql: String, holder: Int) {
        state.withLock { $0.holders[holder] = Holder(statement: String(sql.prefix(160)), since: .now) }
    }

    func released(_ holder: Int) {
        _ = state.withLock { $0.holders.removeValue(forKey: holder) }
    }
}
