import Foundation
import Storage
import Testing

/// An SQLite file opened with its statements on the caller's thread (the demo's and `simulate`'s way) keeps the same
/// guarantees as GRDB's queues: a transaction is all or nothing, several reads share one snapshot, one read sees every
/// committed write.
@Suite("SQLite — statements on the caller's thread")
struct SQLiteAccessTests {
    static func withDatabase(_ access: SQLiteDatabase.Access, _ body: (SQLiteDatabase) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("access.sqlite").path, access: access)
        try await database.executeScript(["CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)"])
        try await body(database)
        try await database.close()
    }

    @Test(arguments: [SQLiteDatabase.Access.queued, .callersThread])
    func aTransactionIsAllOrNothing(_ access: SQLiteDatabase.Access) async throws {
        try await Self.withDatabase(access) { database in
            #expect(database.access == access)
            let written = try await database.transaction(lock: nil, reads: [SQLStatement("SELECT COUNT(*) FROM notes")]) { rows in
                let count = rows[0].first?.int(0) ?? -1
                return ([.statement(SQLStatement("INSERT INTO notes (id, body) VALUES (1, 'first')"))], count)
            }
            #expect(written == 0)
            // The second insert breaks NOT NULL: the first of the same transaction is undone with it.
            await #expect(throws: (any Error).self) {
                try await database.transaction(lock: nil, reads: []) { _ in
                    (
                        [
                            .statement(SQLStatement("INSERT INTO notes (id, body) VALUES (2, 'second')")),
                            .statement(SQLStatement("INSERT INTO notes (id, body) VALUES (3, NULL)")),
                        ], ()
                    )
                }
            }
            let rows = try await database.read([SQLStatement("SELECT id, body FROM notes ORDER BY id")])
            #expect(rows[0].map { $0.int(0) } == [1])
            let both = try await database.read([SQLStatement("SELECT COUNT(*) FROM notes"), SQLStatement("SELECT MAX(id) FROM notes")])
            #expect(both[0].first?.int(0) == 1 && both[1].first?.int(0) == 1)
        }
    }
}
