import AutopilotCore
import Foundation
import Storage
import Testing

/// A migration merged after a higher one (a helper's 13 landing after 15) is still applied to an existing database,
/// and until it is, the schema is not current.
@Suite("Migrations — a lower version merged late")
struct MigrationOrderTests {
    @Test func aMissingLowerVersionIsReportedThenApplied() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("shop.sqlite").path))
        try await store.migrate(now: Fixtures.now)
        #expect(try await store.schemaStatus().isCurrent)

        // As if version 12 had not been merged when this database was migrated.
        try await store.database.executeScript([
            "DELETE FROM schema_migrations WHERE version = 12", "ALTER TABLE recommendation_decisions DROP COLUMN decided_by",
        ])
        let status = try await store.schemaStatus()
        #expect(status.currentVersion == Migrations.latestVersion, "the highest version is there")
        #expect(status.pending == [12])
        #expect(!status.isCurrent)

        #expect(try await store.migrate(now: Fixtures.now) == [12])
        #expect(try await store.schemaStatus().isCurrent)
        #expect(try await store.migrate(now: Fixtures.now).isEmpty)
    }
}
