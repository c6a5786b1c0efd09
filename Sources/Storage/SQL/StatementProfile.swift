import Foundation
import Synchronization

/// Statements run and the time they took, by kind: the statement's first words, with the tables an insert writes
/// (`INSERT contacts`, `WITH … INSERT contacts, carts, events`, `COPY events`, `BEGIN`). On PostgreSQL the time is the wait
/// for the answer; on SQLite (when the bench asks for it) the time SQLite worked, beside other steps of a write
/// transaction under names of their own. `bench ingest` prints it per batch, to say where a batch's time goes.
public final class StatementProfile: Sendable {
    /// One kind of statement: how many were sent and the seconds spent waiting for their answers.
    public struct Entry: Sendable, Codable, Equatable {
        public var count: Int
        public var seconds: Double

        public init(count: Int = 0, seconds: Double = 0) {
            self.count = count
            self.seconds = seconds
        }
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// What was recorded so far, by kind.
    public func read() -> [String: Entry] { entries.withLock { $0 } }

    /// Forgets what was recorded so far (a bench's setup, before what it measures).
    public func reset() { entries.withLock { $0 = [:] } }

    func record(_ sql: String, nanoseconds: Int) {
        record(kind: Self.kind(of: sql), nanoseconds: nanoseconds)
    }

    func record(kind: String, nanoseconds: Int) {
        entries.withLock { entries in
            entries[kind, default: Entry()].count += 1
            entries[kind, default: Entry()].seconds += Double(nanoseconds) / 1e9
        }
    }

    /// Runs `body`, recorded under the kind of the statement `sql` when there is a profile (`sql` is not even made
    /// without one).
    static func timing<Value>(_ profile: StatementProfile?, sql: @autoclosure () -> String, _ body: () throws -> Value) rethrows -> Value {
        guard let profile else { return try body() }
        let started = ContinuousClock.now
        let value = try body()
        profile.record(sql(), nanoseconds: Self.nanoseconds(since: started))
        return value
    }

    /// Whole nanoseconds from `started` to now.
    static func nanoseconds(since started: ContinuousClock.Instant) -> Int {
        let elapsed = (ContinuousClock.now - started).components
        return Int(elapsed.seconds) * 1_000_000_000 + Int(elapsed.attoseconds / 1_000_000_000)
    }

    /// `INSERT INTO contacts … WITH …` → `INSERT contacts`; several inserts in one statement → `INSERT contacts, events`;
    /// `SELECT pg_advisory_xact_lock(…)` → `SELECT pg_advisory_xact_lock`; a combined read → `SELECT (combined reads)`.
    static func kind(of sql: String) -> String {
        if sql.hasPrefix("SELECT (SELECT json_agg") { return "SELECT (combined reads)" }
        let tables = Self.tables(after: sql.hasPrefix("COPY ") ? "COPY " : "INSERT INTO ", in: sql)
        if !tables.isEmpty { return (sql.hasPrefix("COPY ") ? "COPY " : "INSERT ") + tables.joined(separator: ", ") }
        let words = sql.prefix(200).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" || $0 == "," })
        return words.prefix(2).joined(separator: " ")
    }

    /// The name after each `marker` in `sql` (`"events"` read as `events`).
    private static func tables(after marker: String, in sql: String) -> [Substring] {
        var tables: [Substring] = []
        var rest = sql[...]
        while let range = rest.range(of: marker) {
            let name = rest[range.upperBound...].prefix { $0 != " " && $0 != "(" }
            tables.append(name.filter { $0 != "\"" }[...])
            rest = rest[range.upperBound...]
        }
        return tables
    }
}
