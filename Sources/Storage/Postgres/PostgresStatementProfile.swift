import Foundation
import Synchronization

/// Statements sent and the time waited for their answers, by kind: the statement's first words, with the tables an insert
/// writes (`INSERT contacts`, `WITH … INSERT contacts, carts, events`, `COPY events`, `BEGIN`). `bench ingest` prints it
/// per batch, to say which statements the time spent waiting for PostgreSQL goes to.
public final class PostgresStatementProfile: Sendable {
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

    func record(_ sql: String, nanoseconds: Int) {
        let kind = Self.kind(of: sql)
        entries.withLock { entries in
            entries[kind, default: Entry()].count += 1
            entries[kind, default: Entry()].seconds += Double(nanoseconds) / 1e9
        }
    }

    /// `INSERT INTO contacts … WITH …` → `INSERT contacts`; several inserts in one statement → `INSERT contacts, events`;
    /// `SELECT pg_advisory_xact_lock(…)` → `SELECT pg_advisory_xact_lock`; a combined read → `SELECT (combined reads)`.
    static func kind(of sql: String) -> String {
        if sql.hasPrefix("SELECT (SELECT json_agg") { return "SELECT (combined reads)" }
        let tables = Self.tables(after: sql.hasPrefix("COPY ") ? "COPY " : "INSERT INTO ", in: sql)
        if !tables.isEmpty { return (sql.hasPrefix("COPY ") ? "COPY " : "INSERT ") + tables.joined(separator: ", ") }
        let words = sql.prefix(200).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "(" })
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
