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
    /// Who waits for a connection and who holds one, with the statement it runs.
    public let gauge = PostgresPoolGauge()

    /// Statements sent to the server since this database was opened (each one a round trip, `BEGIN` and `COMMIT`
    /// included): `bench ingest` and `bench flows` divide it by the work done.
    public var statementsSent: Int { statementCount.load(ordering: .relaxed) }

    private let statementNanoseconds = Atomic<Int>(0)
    /// Set as `run()` starts the pool: the first queries of a process wait for it (briefly) rather than make PostgresNIO
    /// warn that its pool is not running yet — a race between the task that runs the pool and the first caller.
    private let poolStarted = Atomic<Bool>(false)

    /// Time spent from sending a statement to having read its whole answer, summed over all statements: against the
    /// wall time of some work, it says whether that work waits on the server or on Autopilot's own processor time.
    public var secondsInStatements: Double { Double(statementNanoseconds.load(ordering: .relaxed)) / 1e9 }

    /// The same time by kind of statement (`StatementProfile`): which statements of a batch the wait is spent in.
    public let profile = StatementProfile()

    public init(url: String, logger: Logger = Logger(label: "autopilot.postgres")) throws {
        let configuration = try PostgresURL.configuration(from: url)
        self.logger = logger
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    /// Runs the connection pool until the task is cancelled.
    public func run() async {
        poolStarted.store(true, ordering: .releasing)
        await client.run()
    }

    public func read(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        try await withConnection { connection, holder in
            var results: [[SQLRow]] = []
            for statement in statements { results.append(try await self.query(connection, holder, statement)) }
            return results
        }
    }

    /// Several plain `SELECT`s in one statement (`PostgresReadBatch`): one round trip and one snapshot for them all, where
    /// `read` sends each on its own. For the reads of a batch planned before its write transaction.
    public func readCombined(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        guard PostgresReadBatch.canCombine(statements) else { return try await read(statements) }
        return try await withConnection { connection, holder in
            try PostgresReadBatch.rows(from: try await self.query(connection, holder, PostgresReadBatch.statement(statements)), count: statements.count)
        }
    }

    public func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        try await Self.retryingConflicts {
            try await self.withConnection { connection, holder in
                try await self.inTransaction(connection, holder, lock: lock) {
                    var rows: [[SQLRow]] = []
                    if lock != nil, PostgresReadBatch.canCombine(reads) {
                        // A scope-locked writer (ingest above all) reads many lists first: one round trip for them all.
                        let combined = try await self.query(connection, holder, PostgresReadBatch.statement(reads))
                        rows = try PostgresReadBatch.rows(from: combined, count: reads.count)
                    } else {
                        for statement in reads { rows.append(try await self.query(connection, holder, statement)) }
                    }
                    for followUp in followUps {
                        for statement in try followUp(rows) { rows.append(try await self.query(connection, holder, statement)) }
                    }
                    let (writes, result) = try decide(rows)
                    try await self.execute(connection, holder, writes)
                    return result
                }
            }
        }
    }

    /// A connection from the pool for `body`, counted by the gauge while asked for and while held.
    private func withConnection<Value: Sendable>(_ body: (PostgresConnection, Int) async throws -> Value) async throws -> Value {
        await waitForThePool()
        gauge.askedForConnection()
        var holder: Int?
        defer {
            if let holder { gauge.released(holder) } else { gauge.gaveUpWaiting() }
        }
        return try await client.withConnection { connection in
            let number = self.gauge.gotConnection()
            holder = number
            return try await body(connection, number)
        }
    }

    /// Up to a second for `run()` to start the pool; after that the lease goes ahead and PostgresNIO's own warning says
    /// that nobody runs it (a programming error, which no wait would mend).
    private func waitForThePool() async {
        var waited = 0
        while !poolStarted.load(ordering: .acquiring), waited < 1_000 {
            try? await Task.sleep(for: .milliseconds(1))
            waited += 1
        }
    }

    /// `BEGIN`, the scope's advisory lock, the body, `COMMIT` (or `ROLLBACK` when anything before it throws). Each is a
    /// round trip: PostgresNIO speaks the extended protocol only, where one message carries one statement.
    ///
    /// A connection whose `ROLLBACK` fails is closed rather than given back to the pool: it may still be inside the
    /// transaction, holding its locks, and the next caller's `BEGIN` would only warn and go on inside it.
    private func inTransaction<Value>(
        _ connection: PostgresConnection, _ holder: Int, lock: String?, _ body: () async throws -> Value
    ) async throws -> Value {
        let value: Value
        do {
            try await command(connection, holder, "BEGIN")
            if let lock { _ = try await query(connection, holder, SQLStatement("SELECT pg_advisory_xact_lock(hashtext(?))", [.text(lock)])) }
            value = try await body()
        } catch {
            // The body's own error goes up as it was thrown (as on SQLite); the transaction is given up first.
            do {
                try await command(connection, holder, "ROLLBACK")
            } catch {
                logger.warning("ROLLBACK failed; closing the connection", metadata: ["error": "\(String(reflecting: error))"])
                try? await connection.close()
            }
            throw error
        }
        try await command(connection, holder, "COMMIT")
        return value
    }

    /// A statement without parameters or rows (`BEGIN`, `COMMIT`, `ROLLBACK`).
    private func command(_ connection: PostgresConnection, _ holder: Int, _ sql: String) async throws {
        _ = try await send(connection, holder, PostgresQuery(unsafeSQL: sql), keepingRows: false)
    }

    /// Every statement goes through here: counted, shown on the gauge, timed, and its answer read to the end — kept as
    /// rows, or only checked for an error. PostgresNIO hands the rows over as soon as their description arrives, so an
    /// error the server sends later (a write with `RETURNING` that hits a constraint or a deadlock) surfaces only to the
    /// one who reads on: a write whose answer was dropped unread could fail unseen, and the `COMMIT` after it would then
    /// end the aborted transaction as a `ROLLBACK`, without an error.
    private func send(_ connection: PostgresConnection, _ holder: Int, _ query: PostgresQuery, keepingRows: Bool) async throws -> [SQLRow] {
        statementCount.add(1, ordering: .relaxed)
        gauge.running(query.sql, holder: holder)
        let started = ContinuousClock.now
        defer { recordWait(query.sql, since: started) }
        let sequence = try await connection.query(query, logger: logger)
        var result: [SQLRow] = []
        for try await row in sequence where keepingRows {
            var values: [SQLValue] = []
            for cell in row { values.append(try Self.value(of: cell)) }
            result.append(SQLRow(values))
        }
        return result
    }

    /// The statements in one transaction, through the same lease and transaction as every other write (the pool's start
    /// awaited, the gauge, a failed `ROLLBACK` closing the connection).
    public func executeScript(_ statements: [String]) async throws {
        try await withConnection { connection, holder in
            try await self.inTransaction(connection, holder, lock: nil) {
                for statement in statements { try await self.command(connection, holder, statement) }
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
                return try await transaction()
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

    /// A unique violation (`23505`) is reported with the index's name as its constraint.
    public func isUniqueViolation(_ error: any Error, index: String) -> Bool {
        guard let error = error as? PSQLError, let info = error.serverInfo else { return false }
        return info[.sqlState] == "23505" && info[.constraintName] == index
    }

    public func executeScriptOutsideTransaction(_ statement: String) async throws {
        _ = try await withConnection { connection, holder in
            try await self.send(connection, holder, PostgresQuery(unsafeSQL: statement), keepingRows: false)
        }
    }

    public func close() async throws {}

    func query(_ connection: PostgresConnection, _ holder: Int, _ statement: SQLStatement) async throws -> [SQLRow] {
        try await send(connection, holder, Self.postgresQuery(statement.sql, statement.binds), keepingRows: true)
    }

    /// Carries out the writes in their order; consecutive bulk inserts into different tables go as one statement
    /// (`PostgresInsertBatch`), so a transaction's writes cost a round trip or two, not one a table. The last write, when
    /// it is a large plain insert (an ingest batch's events), goes through `COPY` after them.
    func execute(_ connection: PostgresConnection, _ holder: Int, _ writes: [SQLWrite]) async throws {
        var batch = PostgresInsertBatch()
        func flush() async throws {
            guard !batch.isEmpty else { return }
            _ = try await send(connection, holder, batch.query, keepingRows: false)
            batch = PostgresInsertBatch()
        }
        for (position, write) in writes.enumerated() {
            switch write {
            case .statement(let statement):
                try await flush()
                _ = try await send(connection, holder, Self.postgresQuery(statement.sql, statement.binds), keepingRows: false)
            case .insert(let table, let columns, let rows, let conflict) where PostgresCopyText.fits(rows: rows.count, conflict: conflict, last: position == writes.count - 1):
                try await flush()
                try await copy(connection, holder, table: table, columns: columns, rows: rows)
            case .insert(let table, let columns, let rows, let conflict):
                var start = 0
                while start < rows.count {
                    let chunk = rows[start..<min(rows.count, start + PostgresBulkInsert.rowsPerStatement)]
                    start = chunk.endIndex
                    if batch.holds(table) { try await flush() }
                    if !batch.add(table: table, columns: columns, rows: chunk, conflict: conflict) {
                        try await flush()
                        try await insertValues(connection, holder, table: table, columns: columns, rows: Array(chunk), conflict: conflict)
                    }
                }
            }
        }
        try await flush()
    }

    /// The wait for a statement's answer since `started`, in the total and in the profile under the statement's kind.
    private func recordWait(_ sql: String, since started: ContinuousClock.Instant) {
        let nanoseconds = StatementProfile.nanoseconds(since: started)
        statementNanoseconds.add(nanoseconds, ordering: .relaxed)
        profile.record(sql, nanoseconds: nanoseconds)
    }

    /// Rows through `COPY table (columns) FROM STDIN` in the text format (`PostgresCopyText`), inside the caller's
    /// transaction: PostgreSQL's fastest way in for many rows. COPY has no `ON CONFLICT`, so only plain inserts come here;
    /// a row that breaks a constraint fails the whole COPY, and the transaction with it, as the `INSERT` would.
    func copy(_ connection: PostgresConnection, _ holder: Int, table: String, columns: [String], rows: [[SQLValue]]) async throws {
        statementCount.add(1, ordering: .relaxed)
        let label = "COPY \(table)"
        gauge.running(label, holder: holder)
        let started = ContinuousClock.now
        defer { recordWait(label, since: started) }
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(PostgresCopyText.chunkBytes + 4_096)
            for row in rows {
                PostgresCopyText.append(row: row, to: &bytes)
                if bytes.count >= PostgresCopyText.chunkBytes {
                    try await writer.write(ByteBuffer(bytes: bytes))
                    bytes.removeAll(keepingCapacity: true)
                }
            }
            if !bytes.isEmpty { try await writer.write(ByteBuffer(bytes: bytes)) }
        }
    }

    /// Rows as multi-row `VALUES` lists: only for rows with no value at all (every column null), which have no array to send.
    func insertValues(
        _ connection: PostgresConnection, _ holder: Int, table: String, columns: [String], rows: [[SQLValue]], conflict: String
    ) async throws {
        let rowsPerStatement = max(1, min(1_000, Self.maximumBinds / max(columns.count, 1)))
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(rows.count, start + rowsPerStatement)]
            let tuple = SQLStatement.placeholders(columns.count)
            let sql =
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                + Array(repeating: tuple, count: chunk.count).joined(separator: ", ") + " " + conflict
            _ = try await send(connection, holder, Self.postgresQuery(sql, chunk.flatMap { $0 }), keepingRows: false)
            start += rowsPerStatement
        }
    }

    /// Numbers the `?` placeholders (`$1`, `$2`, …) and binds the values. A long `IN (?, ?, …)` list of texts becomes
    /// `= ANY($n::text[])` with the texts as one array (`PostgresInList`): one parameter instead of hundreds, which the
    /// server parses, binds and plans in a fraction of the time (the router's lists of a batch's contacts and runs; an ingest
    /// batch's lookups go as index probes instead, `SnapshotReads.probes`).
    static func postgresQuery(_ sql: String, _ values: [SQLValue]) -> PostgresQuery {
        // Byte by byte: `?` is ASCII and never part of a longer UTF-8 sequence.
        let bytes = Array(sql.utf8)
        var numbered: [UInt8] = []
        numbered.reserveCapacity(bytes.count + values.count * 4)
        var binds = PostgresBindings(capacity: values.count)
        var next = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "I"), let list = PostgresInList.match(bytes, at: index, values: values, next: next) {
                binds.append(list.array, context: .default)
                numbered.append(contentsOf: "= ANY($\(binds.count)::text[])".utf8)
                next += list.count
                index = list.end
                continue
            }
            if byte == UInt8(ascii: "?") {
                switch values[next] {
                case .int(let number): binds.append(number)
                case .double(let number): binds.append(number)
                case .text(let string): binds.append(string)
                }
                next += 1
                numbered.append(UInt8(ascii: "$"))
                numbered.append(contentsOf: String(binds.count).utf8)
            } else {
                numbered.append(byte)
            }
            index += 1
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
        // `numeric` (an `AVG` or a `SUM` of integers) comes in PostgreSQL's binary form: read as a Decimal, not as text.
        case .numeric: return .double(Double(String(describing: try cell.decode(Decimal.self))))
        case .bool: return .int(try cell.decode(Bool.self) ? 1 : 0)
        default: return .text(try cell.decode(String.self))
        }
    }
}
