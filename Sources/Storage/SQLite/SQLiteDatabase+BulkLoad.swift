import GRDB

extension SQLiteDatabase {
    /// How the writer's connection is tuned.
    public enum WriterTuning: Sendable, Equatable {
        /// Every process that serves: 64 MB of page cache, a checkpoint every 1,000 pages of WAL, `synchronous = NORMAL`
        /// (a commit survives the process's crash; power loss may lose the last ones, never the file).
        case standard
        /// Loading a large history into a new file in one go (the demo's import): a 256 MB page cache, so the indexes' pages
        /// are not read back from the file again and again; a checkpoint every 16,384 pages (64 MB of WAL), so a page changed
        /// by many batches is copied into the file once; and no `fsync` (`synchronous = OFF`). A crash of the process loses
        /// nothing committed; a power loss during the load may damage the file, which the load would then be run again to
        /// make. `standard` is put back, with a checkpoint, when the load ends.
        case bulkLoad
    }

    /// Tunes the writer's connection (see `WriterTuning`); from `bulkLoad` back to `standard`, the WAL is checkpointed so
    /// the file holds everything and the WAL is short again.
    public func tuneWriter(_ tuning: WriterTuning) async throws {
        guard path != ":memory:" else { return }
        try await writer.writeWithoutTransaction { db in
            switch tuning {
            case .bulkLoad:
                try db.execute(sql: "PRAGMA cache_size = -262144")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 16384")
                try db.execute(sql: "PRAGMA synchronous = OFF")
            case .standard:
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
                try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
                try db.execute(sql: "PRAGMA cache_size = -65536")
                _ = try Row.fetchAll(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            }
        }
    }
}
