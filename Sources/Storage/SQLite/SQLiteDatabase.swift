import Foundation
import GRDB
import GRDBSQLite

/// The embedded store: one SQLite file in WAL mode (or memory), through GRDB.
///
/// One writer at a time (SQLite's rule), readers in parallel on a file. Writes use cached prepared statements.
public final class SQLiteDatabase: SQLDatabase {
    public let dialect = SQLDialect.sqlite
    public let path: String
    let writer: any DatabaseWriter
    public let access: Access
    /// When given, each write transaction's statements and steps are timed into it (`bench ingest`); nil costs nothing.
    public let profile: StatementProfile?
    /// Copies the WAL into the file beside the writer (a file only; nil in memory).
    public let checkpointer: SQLiteCheckpointer?

    /// On which thread statements run.
    public enum Access: Sendable {
        /// On GRDB's own queues: the caller's thread is free meanwhile (`serve`, the worker, the tests — anything that
        /// does other work at the same time).
        case queued
        /// On the caller's thread, blocking it while SQLite works: no hop between threads per call, which a debug build
        /// pays dearly. For a process that does one thing at a time — the demo's import and simulation, `simulate`.
        case callersThread
    }

    /// Opens (creating if needed) the database at `path`; `:memory:` keeps it in memory.
    public init(path: String, access: Access = .queued, profile: StatementProfile? = nil) throws {
        self.path = path
        self.access = access
        self.profile = profile
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        if path == ":memory:" {
            writer = try DatabaseQueue(configuration: configuration)
        } else {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            // A new database is readable by its owner only (SQLite gives its -wal and -shm files the same mode): it holds
            // customers' personal data.
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            writer = try DatabasePool(path: path, configuration: configuration)
        }
        try Self.useIncrementalVacuum(writer)
        checkpointer = path == ":memory:" ? nil : try Self.checkpointBeside(writer, path: path)
    }

    /// The writer's commits hand their checkpoints to a connection of their own (`SQLiteCheckpointer`).
    private static func checkpointBeside(_ writer: any DatabaseWriter, path: String) throws -> SQLiteCheckpointer {
        let checkpointer = try SQLiteCheckpointer(path: path)
        writer.writeWithoutTransaction { db in
            guard let connection = db.sqliteConnection else { return }
            checkpointer.install(on: connection)
        }
        return checkpointer
    }

    /// Pages freed by deletes go to a free list that `PRAGMA incremental_vacuum(N)` gives back to the file system (retention
    /// runs it after pruning), so the file does not keep growing. SQLite takes the mode only before the first table is
    /// created, and a file in WAL mode already has its first page: the mode is applied by a `VACUUM`, instant on a new file
    /// and once for a file created by an older version (docs/privacy.md).
    static func useIncrementalVacuum(_ writer: any DatabaseWriter) throws {
        try writer.writeWithoutTransaction { db in
            guard try Int.fetchOne(db, sql: "PRAGMA auto_vacuum") != 2 else { return }
            // Even a new file has its first page once it is in WAL mode: the mode takes effect through a VACUUM (instant when
            // the file is empty).
            try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            try db.execute(sql: "VACUUM")
        }
    }

    public func read(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        // One statement is its own snapshot (SQLite's implicit transaction): the BEGIN and COMMIT around it would only cost.
        // Several share one read transaction, so they see the same state.
        if access == .callersThread { return try readOnCallersThread(statements) }
        if statements.count == 1 { return [try await writer.unsafeRead { db in try Self.query(db, statements[0]) }] }
        return try await writer.read { db in try statements.map { try Self.query(db, $0) } }
    }

    private func readOnCallersThread(_ statements: [SQLStatement]) throws -> [[SQLRow]] {
        if statements.count == 1 { return [try writer.unsafeRead { db in try Self.query(db, statements[0]) }] }
        return try writer.read { db in try statements.map { try Self.query(db, $0) } }
    }

    public func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        let profile = self.profile
        let work: @Sendable (Database) throws -> Result = { db in
            var rows = try reads.map { read in try StatementProfile.timing(profile, sql: read.sql) { try Self.query(db, read) } }
            for followUp in followUps {
                rows += try followUp(rows).map { read in try StatementProfile.timing(profile, sql: read.sql) { try Self.query(db, read) } }
            }
            let deciding = ContinuousClock.now
            let (writes, result) = try decide(rows)
            profile?.record(kind: Self.decidingKind, nanoseconds: StatementProfile.nanoseconds(since: deciding))
            for write in writes { try StatementProfile.timing(profile, sql: write.profiledSQL) { try Self.execute(db, write) } }
            return result
        }
        let started = ContinuousClock.now
        let result = access == .callersThread ? try writeOnCallersThread(work) : try await writer.write(work)
        profile?.record(kind: Self.transactionKind, nanoseconds: StatementProfile.nanoseconds(since: started))
        return result
    }

    /// The profile's name for the time a write transaction's caller decides its writes from what it read (the ingest
    /// planner, for a batch).
    public static let decidingKind = "deciding the writes"
    /// The profile's name for a whole write transaction, from asking for the writer to its commit: the statements and
    /// deciding inside it, and what is left (waiting for the writer, `BEGIN`, `COMMIT`).
    public static let transactionKind = "whole write transaction"

    private func writeOnCallersThread<Result>(_ work: (Database) throws -> Result) throws -> Result {
        try writer.write(work)
    }

    public func executeScript(_ statements: [String]) async throws {
        try await writer.write { db in
            for statement in statements { try db.execute(sql: statement) }
        }
    }

    public func executeScriptOutsideTransaction(_ statement: String) async throws {
        try await writer.writeWithoutTransaction { db in try db.execute(sql: statement) }
    }

    public func close() async throws {
        checkpointer?.close()
        try writer.close()
    }

    static func query(_ db: Database, _ statement: SQLStatement) throws -> [SQLRow] {
        let prepared = try db.cachedStatement(sql: statement.sql)
        // Straight through SQLite's C API: GRDB's generic row values cost more than the query in a debug build.
        return try RowBinder.query(statement.binds, with: prepared.sqliteStatement, connection: db.sqliteConnection)
    }

    static func execute(_ db: Database, _ write: SQLWrite) throws {
        switch write {
        case .statement(let statement):
            let prepared = try db.cachedStatement(sql: statement.sql)
            try RowBinder.execute(statement.binds, with: prepared.sqliteStatement, connection: db.sqliteConnection)
        case .insert(let table, let columns, let rows, let conflict):
            guard !rows.isEmpty else { return }
            let prepared = try db.cachedStatement(sql: SQLWrite.singleRowSQL(table: table, columns: columns, conflict: conflict))
            try RowBinder.insert(rows, with: prepared.sqliteStatement, connection: db.sqliteConnection)
        }
    }
}
