import Foundation
import GRDBSQLite

/// The ingest benchmark's second reference: every row a pipeline run added to its database (the events and the rows
/// projected from them: contacts, carts, orders and their lines, messages and their timelines, reviews, wishlist items),
/// inserted again into a copy of that database as it was before the run. The same bare prepared-statement loop as
/// `RawEventInserter` (C API, no GRDB, foreign keys not checked), in as many transactions as the run had batches, each
/// table's new rows split evenly between them. What it leaves out is exactly what the pipeline adds to SQLite's work:
/// parsing, validating, reading the snapshot, planning, and the conflict handling of its upserts.
public final class RawRowsReplay {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private enum Value {
        case integer(Int64), real(Double), text([UInt8]), null
    }

    private struct Table {
        let name: String
        let insert: OpaquePointer?
        let rows: [[Value]]
    }

    private var connection: OpaquePointer?
    /// Checkpoints beside the inserts, as the store's writer does (`SQLiteCheckpointer`).
    private var checkpointer: SQLiteCheckpointer?
    private var tables: [Table] = []

    /// The rows added, over all tables.
    public var rowCount: Int { tables.reduce(0) { $0 + $1.rows.count } }

    /// Opens `copy` (the database before the run, made with `VACUUM INTO`) with the store's pragmas and loads the rows that
    /// `source` (the database after the run) holds beyond it: in each table, those with a larger rowid. The events go last.
    public init(copy: String, source: String) throws {
        guard sqlite3_open(copy, &connection) == SQLITE_OK else { throw Failure(description: "cannot open \(copy)") }
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = OFF", "PRAGMA cache_size = -65536"] {
            _ = try rows(pragma)
        }
        checkpointer = try SQLiteCheckpointer(path: copy)
        checkpointer?.install(on: connection!)
        _ = try rows("ATTACH DATABASE '\(source.replacingOccurrences(of: "'", with: "''"))' AS source")
        let names = try rows("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'")
            .compactMap { row -> String? in
                if case .text(let bytes) = row.first { return String(decoding: bytes, as: UTF8.self) }
                return nil
            }
            .sorted { ($0 == "events" ? 1 : 0, $0) < ($1 == "events" ? 1 : 0, $1) }
        for name in names {
            let quoted = "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let base = try rows("SELECT coalesce(max(rowid), 0) FROM main.\(quoted)").first?.first
            guard case .integer(let last) = base else { continue }
            let added = try rows("SELECT * FROM source.\(quoted) WHERE rowid > \(last) ORDER BY rowid")
            guard let width = added.first?.count else { continue }
            var insert: OpaquePointer?
            guard sqlite3_prepare_v2(connection, "INSERT INTO main.\(quoted) VALUES \(SQLStatement.placeholders(width))", -1, &insert, nil) == SQLITE_OK
            else {
                throw Failure(description: message())
            }
            tables.append(Table(name: name, insert: insert, rows: added))
        }
        _ = try rows("DETACH DATABASE source")
    }

    deinit {
        checkpointer?.close()
        for table in tables { sqlite3_finalize(table.insert) }
        sqlite3_close(connection)
    }

    /// Inserts the loaded rows in `transactions` transactions and returns the time they took.
    public func insert(transactions: Int) throws -> Duration {
        let count = max(transactions, 1)
        let started = ContinuousClock.now
        for part in 0..<count {
            _ = try rows("BEGIN IMMEDIATE")
            for table in tables {
                let range = table.rows.count * part / count..<table.rows.count * (part + 1) / count
                for row in table.rows[range] {
                    try step(table, row)
                }
            }
            _ = try rows("COMMIT")
        }
        return ContinuousClock.now - started
    }

    private func step(_ table: Table, _ row: [Value]) throws {
        let statement = table.insert
        for (offset, value) in row.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case .integer(let number): sqlite3_bind_int64(statement, index, number)
            case .real(let number): sqlite3_bind_double(statement, index, number)
            case .text(let bytes):
                _ = bytes.withUnsafeBufferPointer { buffer in
                    buffer.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_bind_text(statement, index, chars.baseAddress, Int32(buffer.count), Self.transient)
                    }
                }
            case .null: sqlite3_bind_null(statement, index)
            }
        }
        defer { sqlite3_reset(statement) }
        guard sqlite3_step(statement) == SQLITE_DONE else {
            let error = message()
            _ = try? rows("ROLLBACK")
            throw Failure(description: "\(table.name): \(error)")
        }
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Runs `sql` and returns its rows (a blob is read as text: the store writes none).
    private func rows(_ sql: String) throws -> [[Value]] {
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK else { throw Failure(description: message()) }
        defer { sqlite3_finalize(statement) }
        var result: [[Value]] = []
        while true {
            let code = sqlite3_step(statement)
            if code == SQLITE_DONE { return result }
            guard code == SQLITE_ROW else { throw Failure(description: message()) }
            result.append(
                (0..<sqlite3_column_count(statement)).map { column in
                    switch sqlite3_column_type(statement, column) {
                    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
                    case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
                    case SQLITE_NULL: return .null
                    default:
                        let count = Int(sqlite3_column_bytes(statement, column))
                        guard let bytes = sqlite3_column_text(statement, column) else { return .text([]) }
                        return .text(Array(UnsafeBufferPointer(start: bytes, count: count)))
                    }
                })
        }
    }

    private func message() -> String {
        connection.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown"
    }
}
