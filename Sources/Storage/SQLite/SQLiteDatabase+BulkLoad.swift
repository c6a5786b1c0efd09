import GRDB

extension SQLiteDatabase {
    /// How the writer's connection is tuned.
    ///
    /// Measured on the demo's import of 100,000 customers (2.77 million events, release build, docs/storage.md): 138–153 s
    /// with `standard`, 111 s with `bulkLoad`, 98 s with `bulkLoadIntoNewFile`. A bigger page cache (256 MB) did not help.
    public enum WriterTuning: Sendable, Equatable {
        /// Every process that serves: a checkpoint every 1,000 pages of WAL (run beside the writer, `SQLiteCheckpointer`),
        /// `synchronous = NORMAL` (a commit survives the process's crash; a power loss may lose the last ones, never
        /// damage the file).
        case standard
        /// Loading many events into a database in use (`autopilot ingest`): a checkpoint every 16,384 pages (64 MB of WAL),
        /// so that an index page changed by many batches is copied into the file once, not once per thousand pages
        /// written. As safe as `standard`.
        case bulkLoad
        /// Loading a new file that nothing else uses yet (the demo's shop): `bulkLoad` without `fsync`
        /// (`synchronous = OFF`). A crash of the process loses nothing committed; a power loss during the load may damage
        /// the file, which is then made again.
        case bulkLoadIntoNewFile
    }

    /// Tunes the writer's connection (see `WriterTuning`). Back to `standard`, the WAL is checkpointed into the file and
    /// emptied.
    public func tuneWriter(_ tuning: WriterTuning) async throws {
        guard path != ":memory:" else { return }
        let checkpointer = self.checkpointer
        try await writer.writeWithoutTransaction { db in
            switch tuning {
            case .standard:
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                checkpointer?.configure(.standard)
                try Self.copyWholeLog(db, after: checkpointer)
            case .bulkLoad:
                checkpointer?.configure(.init(threshold: Self.bulkCheckpointPages, syncs: true))
            case .bulkLoadIntoNewFile:
                checkpointer?.configure(.init(threshold: Self.bulkCheckpointPages, syncs: false))
                try db.execute(sql: "PRAGMA synchronous = OFF")
            }
        }
    }

    /// Copies the whole WAL into the database file and empties it, once the checkpoint running beside the writer (if
    /// any) has ended: the file then holds every commit, at its final size (pages given back by `incremental_vacuum`
    /// leave the file here). Returns false if a reader kept it from finishing; nothing is lost then, the WAL still
    /// holds what the file does not.
    @discardableResult
    public func copyWholeLog() async throws -> Bool {
        guard path != ":memory:" else { return true }
        let checkpointer = self.checkpointer
        return try await writer.writeWithoutTransaction { db in try Self.copyWholeLog(db, after: checkpointer) }
    }

    /// On the writer's connection: no commit can ask for a checkpoint meanwhile, so after `settle` none runs beside it
    /// (two checkpoints at once: the second answers busy and copies nothing).
    @discardableResult
    static func copyWholeLog(_ db: Database, after checkpointer: SQLiteCheckpointer?) throws -> Bool {
        checkpointer?.settle()
        let busy = try Int.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") ?? 1
        return busy == 0
    }

    /// A bulk load's checkpoint threshold: 16,384 pages, 64 MB of WAL.
    static let bulkCheckpointPages: Int32 = 16_384
}

extension SQLStore {
    /// Runs `body` with SQLite's writer tuned for a bulk load (`tuning`), and `standard` again after it, whether it
    /// returns or throws. On PostgreSQL it only runs `body`.
    public func bulkLoading<Value>(_ tuning: SQLiteDatabase.WriterTuning, _ body: () async throws -> Value) async throws -> Value {
        guard let sqlite = database as? SQLiteDatabase else { return try await body() }
        try await sqlite.tuneWriter(tuning)
        let value: Value
        do {
            value = try await body()
        } catch {
            try? await sqlite.tuneWriter(.standard)
            throw error
        }
        try await sqlite.tuneWriter(.standard)
        return value
    }
}
