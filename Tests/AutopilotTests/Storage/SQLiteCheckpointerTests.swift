import Foundation
import Storage
import Testing

/// The WAL copied into the file beside the writer (`SQLiteCheckpointer`), and by the writer itself when it falls behind.
@Suite("SQLite — checkpoints beside the writer")
struct SQLiteCheckpointerTests {
    /// A database file in a directory of its own, with a table of notes.
    static func database(_ name: String, access: SQLiteDatabase.Access = .queued) async throws -> (SQLiteDatabase, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-checkpoint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: directory.appendingPathComponent(name).path, access: access)
        try await database.executeScript(["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"])
        // The table in the file itself, the WAL emptied.
        try await database.tuneWriter(.standard)
        return (database, directory)
    }

    /// `count` transactions of 50 notes of 400 bytes each (about five pages a transaction), ids from `start`.
    static func write(_ database: SQLiteDatabase, transactions count: Int, from start: Int = 0) async throws {
        for transaction in 0..<count {
            let first = start + transaction * 50
            try await database.transaction(lock: nil, reads: []) { _ in
                let rows = (first..<first + 50).map { [SQLValue.int(Int64($0)), .text(String(repeating: "n", count: 400))] }
                return ([.insert(table: "notes", columns: ["id", "body"], rows: rows, conflict: "")], ())
            }
        }
    }

    /// The rows the database file holds by itself: a copy of the file without its WAL, opened on its own.
    static func rowsInFileAlone(_ path: String, directory: URL) async throws -> Int64? {
        let copy = directory.appendingPathComponent("alone-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let alone = try SQLiteDatabase(path: copy)
        let count = try await alone.read([SQLStatement("SELECT COUNT(*) FROM notes")])[0].first?.int(0)
        try await alone.close()
        return count
    }

    @Test(arguments: [SQLiteDatabase.Access.queued, .callersThread])
    func commitsPastTheThresholdAreCopiedIntoTheFileBesideTheWriter(_ access: SQLiteDatabase.Access) async throws {
        let (database, directory) = try await Self.database("beside.sqlite", access: access)
        defer { try? FileManager.default.removeItem(at: directory) }
        let checkpointer = try #require(database.checkpointer)
        #expect(checkpointer.settings == .standard)
        // Every commit asks for a checkpoint; the writer never checkpoints itself.
        checkpointer.configure(.init(threshold: 1, syncs: true, writerBound: .max))
        try await Self.write(database, transactions: 40)
        checkpointer.settle()

        let counts = checkpointer.counts
        #expect(counts.background > 0)
        #expect(counts.byWriter == 0)
        // The last commit's checkpoint ran after it: the file alone holds every row.
        #expect(try await Self.rowsInFileAlone(database.path, directory: directory) == 2_000)
        try await database.close()
    }

    @Test
    func belowTheThresholdTheRowsStayInTheWAL() async throws {
        let (database, directory) = try await Self.database("below.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.write(database, transactions: 4)
        database.checkpointer?.settle()
        #expect(database.checkpointer?.counts.background == 0)
        #expect(database.checkpointer?.counts.byWriter == 0)
        #expect(try await Self.rowsInFileAlone(database.path, directory: directory) == 0)
        try await database.close()
    }

    @Test
    func aWriterFallenBehindItsBoundCheckpointsItselfAndTheWALStaysSmall() async throws {
        let (database, directory) = try await Self.database("bounded.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let checkpointer = try #require(database.checkpointer)
        // Every commit reaches the writer's bound: the writer waits for the checkpointer, then checkpoints itself.
        checkpointer.configure(.init(threshold: 1, syncs: true, writerBound: 1))
        try await Self.write(database, transactions: 60)
        #expect(checkpointer.counts.byWriter == 60)
        #expect(checkpointer.counts.background == 0)
        #expect(try await Self.rowsInFileAlone(database.path, directory: directory) == 3_000)
        // Each commit found the WAL copied and started it again: the file never held more than a few transactions.
        #expect(try SQLiteWriterTuningTests.size(of: database.path + "-wal") < 40 * 4_120)
        try await database.close()
    }

    @Test
    func closingWhileCheckpointsRunLosesNothing() async throws {
        let (database, directory) = try await Self.database("closing.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        database.checkpointer?.configure(.init(threshold: 1, syncs: false, writerBound: .max))
        try await Self.write(database, transactions: 30)
        try await database.close()
        let reopened = try SQLiteDatabase(path: database.path)
        #expect(try await reopened.read([SQLStatement("SELECT COUNT(*) FROM notes")])[0].first?.int(0) == 1_500)
        // Writes after reopening are checkpointed again.
        reopened.checkpointer?.configure(.init(threshold: 1, syncs: true, writerBound: .max))
        try await Self.write(reopened, transactions: 2, from: 1_500)
        reopened.checkpointer?.settle()
        #expect((reopened.checkpointer?.counts.background ?? 0) > 0)
        #expect(try await Self.rowsInFileAlone(reopened.path, directory: directory) == 1_600)
        try await reopened.close()
    }

    @Test
    func onceTheCheckpointerIsClosedTheWriterCheckpointsItself() async throws {
        let (database, directory) = try await Self.database("after-close.sqlite")
        defer { try? FileManager.default.removeItem(at: directory) }
        let checkpointer = try #require(database.checkpointer)
        checkpointer.configure(.init(threshold: 1, syncs: true, writerBound: .max))
        checkpointer.close()
        try await Self.write(database, transactions: 3)
        #expect(checkpointer.counts.byWriter == 3)
        #expect(checkpointer.counts.background == 0)
        #expect(try await Self.rowsInFileAlone(database.path, directory: directory) == 150)
        try await database.close()
    }

    @Test
    func aDatabaseInMemoryHasNone() throws {
        #expect(try SQLiteDatabase(path: ":memory:").checkpointer == nil)
    }
}
