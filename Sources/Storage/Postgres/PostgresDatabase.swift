import Foundation
import Logging
import PostgresNIO
import Synchronization

/// The shared store for several nodes: PostgreSQL through PostgresNIO's connection pool.
///
/// The pool must run while the database is used: call `run()` in a task (or a service group) first.
public final class PostgresDatabase: SQLDatabase {
    public let dialect = SQLDialect.postgres
    private let client: PostgresClient
    private let logger: Logger
    /// Parameters per statement stay under PostgreSQL's limit of 65,535.
    static let maximumBinds = 30_000
    private let statementCount = Atomic<Int>(0)

    /// Statements sent to the server since this database was opened (each one a round trip, `BEGIN` and `COMMIT`
    /// included): `bench ingest` and `bench flows` divide it by the work done.
    public var statementsSent: Int { statementCount.load(ordering: .relaxed) }

    func counted(_ statements: Int = 1) { statementCount.add(statements, ordering: .relaxed) }

    public init(url: String, logger: Logger = Logger(label: "autopilot.postgres")) throws {
        let configuration = try PostgresURL.configuration(from: url)
        self.logger = logger
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        await client.run()
    }

    public func read(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        try await client.withConnection { connection in
            var results: [[SQLRow]] = []
            for statement in statements {
                self.counted()
                results.append(try await Self.query(connection, statement, logger: self.logger))
            }
            return results
        }
    }

    public func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        try await Self.retryingConflicts {
            try await self.client.withConnection { connection in
                try await self.inTransaction(connection, lock: lock) {
                    var rows: [[SQLRow]] = []
                    for statement in reads {
                        self.counted()
                        rows.append(try await Self.query(connection, statement, logger: self.logger))
                    }
                    for followUp in followUps {
                        for statement in try followUp(rows) {
                            self.counted()
                            rows.append(try await Self.query(connection, statement, logger: self.logger))
                        }
                    }
                    let (writes, result) = try decide(rows)
                    for write in writes { self.counted(try await Self.execute(connection, write, logger: self.logger)) }
                    return result
                }
            }
        }
    }

    /// `BEGIN`, the scope's advisory lock, the body, `COMMIT` (or `ROLLBACK` when anything before it throws). Each is a
    /// round trip: PostgresNIO speaks the extended protocol only, where one message carries one statement.
    private func inTransaction<Value>(_ connection: PostgresConnection, lock: String?, _ body: () async throws -> Value) async throws -> Value {
        let value: Value
        do {
            counted()
            try await connection.query(PostgresQuery(unsafeSQL: "BEGIN"), logger: logger)
            if let lock {
                counted()
                _ = try await Self.query(connection, SQLStatement("SELECT pg_advisory_xact_lock(hashtext(?))", [.text(lock)]), logger: logger)
            }
            value = try await body()
        } catch {
            // The body's own error goes up as it was thrown (as on SQLite); the transaction is given up first.
            counted()
            _ = try? await connection.query(PostgresQuery(unsafeSQL: "ROLLBACK"), logger: logger)
            throw error
        }
        counted()
        try await connection.query(PostgresQuery(unsafeSQL: "COMMIT"), logger: logger)
        return value
    }

    public func executeScript(_ statements: [String]) async throws {
        try await Self.unwrapping {
            try await self.client.withTransaction(logger: self.logger) { connection in
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
                }
            }
        }
    }

    /// Runs a transaction again, from its reads, when PostgreSQL gave it up as a deadlock (`40P01`) or a serialization
    /// failure (`40001`): its writes are decided from what it read, so a new attempt decides anew. At most five attempts,
    /// a few milliseconds apart; then the error goes up.
    static func retryingConflicts<Value>(attempts: Int = 5, _ transaction: () async throws -> Value) async throws -> Value {
        var attempt = 1
        while true {
            do {
                return try await unwrapping(transaction)
            } catch let error as PSQLError where attempt < attempts && isConflict(error) {
                try await Task.sleep(for: .milliseconds(Int.random(in: 2...10) * attempt))
                attempt += 1
            }
        }
    }

    static func isConflict(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40P01" || state == "40001"
    }

    /// Runs a transaction, throwing the error its body threw rather than PostgresNIO's `PostgresTransactionError`
    /// around it, so that a refusal (`TemplateChangedError`, `ValidationError`, …) reaches callers as it does on SQLite.
    static func unwrapping<Value>(_ transaction: () async throws -> Value) async throws -> Value {
        do {
            return try await transaction()
        } catch let error as PostgresTransactionError {
            throw error.wrappedError ?? error
        }
    }

    public func executeScriptOutsideTransaction(_ statement: String) async throws {
        try await client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
    }

    public func close() async throws {}

    static func query(_ connection: PostgresConnection, _ statement: SQLStatement, logger: Logger) async throws -> [SQLRow] {
        let rows = try await connection.query(postgresQuery(statement.sql, statement.binds), logger: logger)
        var result: [SQLRow] = []
        for try await row in rows {
            var values: [SQLValue] = []
            for cell in row { values.append(try value(of: cell)) }
            result.append(SQLRow(values))
        }
        return result
    }

    /// Carries out one write; returns how many statements it sent.
    @discardableResult
    static func execute(_ connection: PostgresConnection, _ write: SQLWrite, logger: Logger) async throws -> Int {
        switch write {
        case .statement(let statement):
            try await connection.query(postgresQuery(statement.sql, statement.binds), logger: logger)
            return 1
        case .insert(let table, let columns, let rows, let conflict):
            guard !rows.isEmpty else { return 0 }
            var sent = 0
            var start = 0
            while start < rows.count {
                let chunk = rows[start..<min(rows.count, start + PostgresBulkInsert.rowsPerStatement)]
                start = chunk.endIndex
                guard let query = PostgresBulkInsert.query(table: table, columns: columns, rows: chunk, conflict: conflict) else {
                    sent += try await insertValues(connection, table: table, columns: columns, rows: Array(chunk), conflict: conflict, logger: logger)
                    continue
                }
                try await connection.query(query, logger: logger)
                sent += 1
            }
            return sent
        }
    }

    /// Rows as multi-row `VALUES` lists: only for rows with no value at all (every column null), which have no array to send.
    static func insertValues(
        _ connection: PostgresConnection, table: String, columns: [String], rows: [[SQLValue]], conflict: String, logger: Logger
    ) async throws -> Int {
        var sent = 0
        let rowsPerStatement = max(1, min(1_000, maximumBinds / max(columns.count, 1)))
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + rowsPerStatement)]
            let tuple = SQLStatement.placeholders(columns.count)
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + " " + conflict
            try await connection.query(postgresQuery(sql, chunk.flatMap { $0 }), logger: logger)
            sent += 1
            start += rowsPerStatement
        }
        return sent
    }

    /// Numbers the `?` placeholders (`$1`, `$2`, …) and binds the values.
    static func postgresQuery(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
        // Byte by byte: `?` is ASCII and never part of a longer UTF-8 sequence.
        var numbered: [UInt8] = []
        numbered.reserveCapacity(sql.utf8.count + values.count * 4)
        var counter = 0
        for byte in sql.utf8 {
            if byte == UInt8(ascii: "?") {
                counter += 1
                numbered.append(UInt8(ascii: "$"))
                numbered.append(contentsOf: String(counter).utf8)
            } else {
                numbered.append(byte)
            }
        }
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .int(let number): binds.append(number)
            case .double(let number): binds.append(number)
            case .text(let string): binds.append(string)
            }
        }
        return PostgresQuery(unsafeSQL: String(decoding: numbered, as: UTF8.self), binds: binds)
    }

    static func value(of cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .text(nil) }
        switch cell.dataType {
        case .int8: return .int(try cell.decode(Int64.self))
        case .int4: return .int(Int64(try cell.decode(Int32.self)))
        case .int2: return .int(Int64(try cell.decode(Int16.self)))
        case .float8: return .double(try cell.decode(Double.self))
        case .float4: return .double(Double(try cell.decode(Float.self)))
        case .numeric: return .double(Double(try cell.decode(String.self)))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
