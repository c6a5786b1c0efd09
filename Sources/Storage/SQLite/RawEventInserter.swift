import Foundation
import GRDBSQLite

/// The raw ceiling for the ingest benchmark: event rows inserted by a bare prepared-statement loop on one SQLite
/// connection (C API, no GRDB, no projection, foreign keys not checked), in transactions of `batchSize` rows.
public final class RawEventInserter {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    private var connection: OpaquePointer?
    /// Checkpoints beside the inserts, as the store's writer does (`SQLiteCheckpointer`).
    private var checkpointer: SQLiteCheckpointer?
    private var insert: OpaquePointer?

    /// Opens the database (already migrated) with the store's pragmas.
    public init(path: String) throws {
        guard sqlite3_open(path, &connection) == SQLITE_OK else { throw Failure(description: "cannot open \(path)") }
        for pragma in ["PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL", "PRAGMA foreign_keys = OFF", "PRAGMA cache_size = -65536"] {
            try execute(pragma)
        }
        checkpointer = try SQLiteCheckpointer(path: path)
        checkpointer?.install(on: connection!)
        let sql =
            "INSERT INTO events (tenant_key, id, type, occurred_at, received_at, idempotency_key, contact_id, properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
        guard sqlite3_prepare_v2(connection, sql, -1, &insert, nil) == SQLITE_OK else { throw Failure(description: message()) }
    }

    deinit {
        checkpointer?.close()
        sqlite3_finalize(insert)
        sqlite3_close(connection)
    }

    /// One row: the values of the events table's columns, in the order of the insert above.
    public struct Row: Sendable {
        /// The tenant's key in `tenant_keys`.
        public var tenantKey: Int64
        public var id: String
        public var type: String
        public var occurredAt: Int64
        public var receivedAt: Int64
        public var idempotencyKey: String?
        public var contactID: String?
        public var properties: String

        public init(
            tenantKey: Int64, id: String, type: String, occurredAt: Int64, receivedAt: Int64, idempotencyKey: String?, contactID: String?,
            properties: String
        ) {
            self.tenantKey = tenantKey
            self.id = id
            self.type = type
            self.occurredAt = occurredAt
            self.receivedAt = receivedAt
            self.idempotencyKey = idempotencyKey
            self.contactID = contactID
            self.properties = properties
        }
    }

    /// Inserts the rows in one transaction.
    public func insert(_ rows: [Row]) throws {
        try execute("BEGIN IMMEDIATE")
        for row in rows {
            sqlite3_bind_int64(insert, 1, row.tenantKey)
            bind(2, row.id)
            bind(3, row.type)
            sqlite3_bind_int64(insert, 4, row.occurredAt)
            sqlite3_bind_int64(insert, 5, row.receivedAt)
            bind(6, row.idempotencyKey)
            bind(7, row.contactID)
            bind(8, row.properties)
            guard sqlite3_step(insert) == SQLITE_DONE else {
                let error = message()
                sqlite3_reset(insert)
                try? execute("ROLLBACK")
                throw Failure(description: error)
            }
            sqlite3_reset(insert)
        }
        try execute("COMMIT")
    }

    private func bind(_ index: Int32, _ text: String?) {
        guard let text else {
            sqlite3_bind_null(insert, index)
            return
        }
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        sqlite3_bind_text(insert, index, text, -1, transient)
    }

    private func execute(_ sql: String) throws {
        guard sqlite3_exec(connection, sql, nil, nil, nil) == SQLITE_OK else { throw Failure(description: message()) }
    }

    private func message() -> String {
        String(cString: sqlite3_errmsg(connection))
    }
}
