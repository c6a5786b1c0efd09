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

    /// Opens (creating if needed) the database at `path`; `:memory:` keeps it in memory.
    public init(path: String) throws {
        self.path = path
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
        if statements.count == 1 { return [try await writer.unsafeRead { db in try Self.query(db, statements[0]) }] }
        return try await writer.read { db in try statements.map { try Self.query(db, $0) } }
    }

    public func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        try await writer.write { db in
            var rows = try reads.map { try Self.query(db, $0) }
            for followUp in followUps {
                rows += try followUp(rows).map { try Self.query(db, $0) }
            }
            let (writes, result) = try decide(rows)
            for write in writes { try Self.execute(db, write) }
            return result
        }
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
