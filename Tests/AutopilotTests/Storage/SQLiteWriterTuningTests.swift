import Foundation
import Storage
import Testing

/// The writer's tuning for a bulk load (the demo's import) and back, and the statement profile `bench ingest` reads.
@Suite("SQLite — the writer tuned for a bulk load, and the write profile")
struct SQLiteWriterTuningTests {
    /// The writer connection's settings, read inside a write transaction (reads there run on the writer), and the
    /// checkpoint threshold of the checkpointer beside it. SQLite's own automatic checkpoint stays off: the checkpointer's
    /// hook replaced it.
    static func writerSettings(_ database: SQLiteDatabase) async throws -> (synchronous: Int64?, checkpoint: Int64?, cache: Int64?) {
        let (synchronous, sqliteOwn, cache) = try await database.transaction(
            lock: nil,
            reads: [SQLStatement("PRAGMA synchronous"), SQLStatement("PRAGMA wal_autocheckpoint"), SQLStatement("PRAGMA cache_size")]
        ) { rows in ([], (rows[0].first?.int(0), rows[1].first?.int(0), rows[2].first?.int(0))) }
        #expect(sqliteOwn == 0)
        return (synchronous, database.checkpointer.map { Int64($0.settings.threshold) }, cache)
    }

    @Test(arguments: [SQLiteDatabase.Access.queued, .callersThread])
    func aBulkLoadIsTunedThenPutBackWithEverythingInTheFile(_ access: SQLiteDatabase.Access) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-tuning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("tuning.sqlite").path
        let database = try SQLiteDatabase(path: path, access: access)
        try await database.executeScript(["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"])

        let standard = try await Self.writerSettings(database)
        #expect(standard.synchronous == 1 && standard.checkpoint == 1_000 && standard.cache == -65_536)

        try await database.tuneWriter(.bulkLoad)
        let safe = try await Self.writerSettings(database)
        #expect(safe.synchronous == 1 && safe.checkpoint == 16_384 && safe.cache == -65_536)
        try await database.tuneWriter(.bulkLoadIntoNewFile)
        let bulk = try await Self.writerSettings(database)
        #expect(bulk.synchronous == 0 && bulk.checkpoint == 16_384 && bulk.cache == -65_536)
        #expect(database.checkpointer?.settings.syncs == false)
        for start in stride(from: 0, to: 2_000, by: 500) {
            try await database.transaction(lock: nil, reads: []) { _ in
                let rows = (start..<start + 500).map { [SQLValue.int(Int64($0)), .text(String(repeating: "x", count: 200))] }
                return ([.insert(table: "notes", columns: ["id", "body"], rows: rows, conflict: "")], ())
            }
        }
        // Well under 16,384 pages: nothing checkpointed yet, the WAL holds the load.
        let walPath = path + "-wal"
        #expect(try Self.size(of: walPath) > 100_000)

        try await database.tuneWriter(.standard)
        let back = try await Self.writerSettings(database)
        #expect(back.synchronous == 1 && back.checkpoint == 1_000 && back.cache == -65_536)
        #expect(database.checkpointer?.settings == .standard)
        #expect(try Self.size(of: walPath) == 0)
        let count = try await database.read([SQLStatement("SELECT COUNT(*) FROM notes")])[0].first?.int(0)
        #expect(count == 2_000)
        try await database.close()

        // Everything is in the file itself: opened again, without its WAL, it holds every row.
        try? FileManager.default.removeItem(atPath: walPath)
        let reopened = try SQLiteDatabase(path: path)
        #expect(try await reopened.read([SQLStatement("SELECT COUNT(*) FROM notes")])[0].first?.int(0) == 2_000)
        try await reopened.close()
    }

    struct LoadFailed: Error {}

    @Test
    func aBulkLoadThatFailsLeavesTheWriterStandard() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-tuning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("failing.sqlite").path)
        let store = SQLStore(database: database)
        let during = try await store.bulkLoading(.bulkLoadIntoNewFile) { try await Self.writerSettings(database) }
        #expect(during.synchronous == 0 && during.checkpoint == 16_384)
        await #expect(throws: LoadFailed.self) {
            try await store.bulkLoading(.bulkLoad) {
                #expect(try await Self.writerSettings(database).checkpoint == 16_384)
                throw LoadFailed()
            }
        }
        let after = try await Self.writerSettings(database)
        #expect(after.synchronous == 1 && after.checkpoint == 1_000)
        try await database.close()
    }

    @Test(arguments: [SQLiteDatabase.Access.queued, .callersThread])
    func aProfiledTransactionIsTimedByStatementAndStep(_ access: SQLiteDatabase.Access) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let profile = StatementProfile()
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("profile.sqlite").path, access: access, profile: profile)
        try await database.executeScript(["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"])
        for round in 0..<3 {
            try await database.transaction(lock: nil, reads: [SQLStatement("SELECT COUNT(*) FROM notes")]) { _ in
                ([.insert(table: "notes", columns: ["id", "body"], rows: [[.int(Int64(round)), .text("note")]], conflict: "")], ())
            }
        }
        let entries = profile.read()
        #expect(entries["INSERT notes"]?.count == 3)
        #expect(entries["SELECT COUNT"]?.count == 3)
        #expect(entries[SQLiteDatabase.decidingKind]?.count == 3)
        let whole = try #require(entries[SQLiteDatabase.transactionKind])
        #expect(whole.count == 3)
        // The whole transaction holds its parts.
        let parts = ["INSERT notes", "SELECT COUNT", SQLiteDatabase.decidingKind].compactMap { entries[$0]?.seconds }.reduce(0, +)
        #expect(whole.seconds >= parts)
        try await database.close()

        // Without a profile nothing is recorded anywhere.
        let plain = try SQLiteDatabase(path: directory.appendingPathComponent("plain.sqlite").path, access: access)
        #expect(plain.profile == nil)
        try await plain.close()
    }

    static func size(of path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
