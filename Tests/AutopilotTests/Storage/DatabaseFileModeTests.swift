import Foundation
import Storage
import Testing

/// A database file holds customers' personal data: a new one, and the WAL files SQLite makes beside it, are readable by
/// their owner only.
@Suite struct DatabaseFileModeTests {
    @Test func aNewDatabaseAndItsWriteAheadLogAreTheOwnersOnly() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-mode-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try await store.migrate(now: Date(timeIntervalSince1970: 1_772_359_200))
        for file in [path, path + "-wal"] {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)
            #expect(mode.intValue & 0o777 == 0o600, "\(file): \(String(mode.intValue, radix: 8))")
        }
        try await store.database.close()
    }
}
