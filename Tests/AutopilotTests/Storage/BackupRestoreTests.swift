import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// `autopilot backup` and `restore` on SQLite: a backup taken while events keep coming in holds every event acknowledged
/// before it began, is readable by its owner only, and restores into a database that is current and complete.
@Suite struct BackupRestoreTests {
    actor Acknowledged {
        var ids: [String] = []
        var stopped = false
        var failure: String?
        func add(_ more: [String]) { ids += more }
        func fail(_ error: any Error) { failure = "\(error)"; stopped = true }
        func stop() { stopped = true }
    }

    static func wait(until count: Int, _ acknowledged: Acknowledged) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while await acknowledged.ids.count < count {
            if let failure = await acknowledged.failure { Issue.record("ingest failed: \(failure)"); throw CancellationError() }
            guard ContinuousClock.now < deadline else {
                await acknowledged.stop()
                Issue.record("ingest too slow")
                throw CancellationError()
            }
            try await Task.sleep(for: .milliseconds(5))
        }
    }

    @Test func aBackupTakenDuringIngestRestoresEveryAcknowledgedEvent() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let live = try SQLiteDatabase(path: path)
        let store = SQLStore(database: live)
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        let acknowledged = Acknowledged()

        // Given a writer ingesting batches of events without pause,
        let writer = Task {
            var batch = 0
            while await !acknowledged.stopped {
                let events: [JSONValue] = (0..<50).map { index in
                    [
                        "type": "contact.updated", "idempotency_key": .string("view-\(batch)-\(index)"),
                        "occurred_at": "2026-03-01T10:00:00Z", "contact": ["email": .string("c\(index)@example.fr")],
                        "properties": ["product_id": .string("p-\(batch)")],
                    ]
                }
                do {
                    let result = try await pipeline.ingest(document: ["events": .array(events)], tenantID: tenantID)
                    await acknowledged.add(result.accepted.map(\.id))
                } catch {
                    await acknowledged.fail(error)
                }
                batch += 1
            }
            return batch
        }
        try await Self.wait(until: 500, acknowledged)

        // when a backup is taken by another connection, as `autopilot backup` does beside a running `serve`,
        let before = Set(await acknowledged.ids)
        let backup = directory.appendingPathComponent("backups/shop-1.sqlite").path
        try FileManager.default.createDirectory(atPath: directory.appendingPathComponent("backups").path, withIntermediateDirectories: true)
        let second = try SQLiteDatabase(path: path)
        let summary = try SQLiteBackup.backup(second, to: backup)
        try await second.close()
        let countAtBackupEnd = await acknowledged.ids.count
        try await Self.wait(until: countAtBackupEnd + 200, acknowledged)
        await acknowledged.stop()
        let batches = await writer.value
        #expect(await acknowledged.failure == nil)
        #expect(batches > 14, "the writer kept going during and after the backup")

        // then the backup is the owner's only, and holds every event acknowledged before it began.
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? NSNumber)
        #expect(mode.intValue & 0o777 == 0o600)
        #expect(summary.events >= before.count && summary.schemaVersion == Migrations.latestVersion)
        #expect(!FileManager.default.fileExists(atPath: backup + "-wal"), "a backup is one self-contained file")
        await #expect(throws: ValidationError.self) { try SQLiteBackup.backup(live, to: backup) }

        // A restore refuses a database in use, and one that exists without --force.
        let target = directory.appendingPathComponent("restored.sqlite").path
        let inUse = await #expect(throws: ValidationError.self) { try SQLiteBackup.restore(backup: backup, to: path, replacing: true) }
        #expect(inUse?.code == "database_in_use")
        try await live.close()
        #expect(try SQLiteBackup.restore(backup: backup, to: target, replacing: false) == nil)
        let exists = await #expect(throws: ValidationError.self) { try SQLiteBackup.restore(backup: backup, to: target, replacing: false) }
        #expect(exists?.code == "database_exists")
        let notADatabase = directory.appendingPathComponent("notes.txt").path
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: notADatabase))
        await #expect(throws: ValidationError.self) { try SQLiteBackup.restore(backup: notADatabase, to: target, replacing: true) }

        let restored = SQLStore(database: try SQLiteDatabase(path: target))
        #expect(try await restored.migrate(now: Fixtures.now).isEmpty, "the restored database is current")
        #expect(try await restored.schemaStatus().pending.isEmpty)
        let ids = Set(try await restored.database.read([SQLStatement("SELECT id FROM events WHERE tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?)", [.text(tenantID)])])[0].compactMap { $0.text(0) })
        #expect(before.isSubset(of: ids), "\(before.subtracting(ids).count) acknowledged events are missing")
        #expect(ids.count == summary.events)
        let restoredMode = try #require(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? NSNumber)
        #expect(restoredMode.intValue & 0o777 == 0o600)
        try await restored.database.close()

        // Replacing an existing database keeps it aside.
        #expect(try SQLiteBackup.restore(backup: backup, to: path, replacing: true) == path + ".before-restore")
        #expect(FileManager.default.fileExists(atPath: path + ".before-restore"))
    }
}
