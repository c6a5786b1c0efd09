import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Retention per tenant (docs/privacy.md): old events deleted, old message contents and transcripts blanked, in bounded
/// batches, aggregates kept; on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct RetentionTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func count(_ store: SQLStore, _ sql: String, _ tenantID: String) async throws -> Int {
        Int(try await store.database.read([SQLStatement(sql, [.text(tenantID)])])[0].first?.int(0) ?? -1)
    }

    static func contract(_ store: SQLStore) async throws {
        let shop = try await TestShop.make(store: store, at: Fixtures.now)
        let other = try await TenantService(dependencies: shop.dependencies).create(name: "other")
        let ana = try await PrivacyFixtures.person(shop)
        try await shop.ingest((1...3).map { Fixtures.envelope("contact.updated", key: "old-\($0)", properties: [:]) })
        let otherShop = TestShop(store: store, clock: shop.clock, dependencies: shop.dependencies, tenantID: other.tenantID)
        try await otherShop.ingest((1...4).map { Fixtures.envelope("contact.updated", key: "theirs-\($0)", properties: [:]) })
        shop.clock.advance(by: 40 * 86_400)
        try await shop.ingest((1...2).map { Fixtures.envelope("contact.updated", at: "2026-04-15T10:00:00Z", key: "new-\($0)", properties: [:]) })
        let events = "SELECT count(*) FROM events WHERE tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?)"
        #expect(try await count(store, events, shop.tenantID) == 8)

        // Off by default: nothing is pruned.
        var keeper = RetentionKeeper(dependencies: shop.dependencies)
        keeper.batchSize = 2
        keeper.batchesPerPass = 2
        #expect(try await keeper.prune(tenantID: shop.tenantID, now: shop.clock.now()).total == 0)
        #expect(try await count(store, events, shop.tenantID) == 8)

        // A setting out of its bounds is refused, naming it.
        await #expect(throws: ValidationError.self) {
            try await ShopSettings.update(
                ["retention.events_days": "3"], store: store, tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())
        }
        do {
            try await ShopSettings.update(
                ["retention.events_days": "many"], store: store, tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())
        } catch let error as ValidationError {
            #expect(error.field == "settings.retention.events_days")
        }
        try await ShopSettings.update(
            ["retention.events_days": "30", "retention.messages_days": "30", "retention.conversations_days": "30"], store: store,
            tenantID: shop.tenantID, cipher: nil, now: shop.clock.now())

        // Bounded batches: two batches of two events per pass, then the rest at the next pass.
        let first = try await keeper.prune(tenantID: shop.tenantID, now: shop.clock.now())
        #expect(first.events == 4 && first.more)
        #expect(try await count(store, events, shop.tenantID) == 4)
        let second = try await keeper.prune(tenantID: shop.tenantID, now: shop.clock.now())
        #expect(second.events == 2)
        #expect(try await count(store, events, shop.tenantID) == 2)
        #expect(try await keeper.prune(tenantID: shop.tenantID, now: shop.clock.now()).total == 0)
        // The other tenant keeps everything; aggregates stay.
        #expect(try await count(store, events, other.tenantID) == 4)
        #expect(try await count(store, "SELECT count(*) FROM orders WHERE tenant_id = ? AND total = 48", shop.tenantID) == 1)
        #expect(try await count(store, "SELECT count(*) FROM contacts WHERE tenant_id = ? AND orders_count = 1 AND total_spent = 48", shop.tenantID) == 1)
        // Message contents blanked, the rows (and their statuses) kept; the queued one untouched.
        #expect(try await count(store, "SELECT count(*) FROM outbox WHERE tenant_id = ?", shop.tenantID) == 2)
        #expect(try await count(store, "SELECT count(*) FROM outbox WHERE tenant_id = ? AND status = 'sent' AND body IS NULL AND recipient IS NULL", shop.tenantID) == 1)
        #expect(try await count(store, "SELECT count(*) FROM outbox WHERE tenant_id = ? AND status = 'queued'", shop.tenantID) == 1)
        // Transcripts gone, the conversation and the call kept.
        #expect(try await count(store, "SELECT count(*) FROM conversation_messages WHERE tenant_id = ?", shop.tenantID) == 0)
        #expect(try await count(store, "SELECT count(*) FROM conversations WHERE tenant_id = ?", shop.tenantID) == 1)
        #expect(try await count(store, "SELECT count(*) FROM voice_calls WHERE tenant_id = ? AND transcript = '' AND summary IS NULL", shop.tenantID) == 1)
        _ = ana
    }

    /// The worker runs the pass beside its sweeps while the service runs: one run prunes what is due.
    @Test func theWorkerPrunesBesideItsSweeps() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        try await shop.ingest((1...5).map { Fixtures.envelope("contact.updated", key: "e-\($0)", properties: [:]) })
        try await shop.store.setTenantSetting("retention.events_days", to: "7", tenantID: shop.tenantID, now: shop.clock.now())
        shop.clock.advance(by: 8 * 86_400)
        let pass = try #require(try TestWorker.make(shop.dependencies).independentPasses.first { $0.name == "retention" })
        var round = WorkerRound(now: shop.clock.now())
        #expect(try await pass.run(&round) == 5)
        #expect(try await Self.count(shop.store, "SELECT count(*) FROM events WHERE tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?)", shop.tenantID) == 0)
    }

    @Test func theSettingsAreListedWithTheShopsSettings() {
        let names = ShopSettings.definitions.map(\.name)
        #expect(names.contains("retention.events_days") && names.contains("retention.messages_days") && names.contains("retention.conversations_days"))
        #expect(RetentionSettings(values: [:]).isOff)
        #expect(RetentionSettings(values: ["retention.events_days": "365"]).eventsDays == 365)
        #expect(RetentionSettings(values: ["retention.events_days": "2"]).eventsDays == nil)
    }
}

/// The SQLite file gives pruned pages back (`auto_vacuum = INCREMENTAL` and `incremental_vacuum` after pruning).
@Suite struct IncrementalVacuumTests {
    static func file() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-vacuum-\(UUID().uuidString).sqlite").path
    }

    static func pragma(_ database: SQLiteDatabase, _ name: String) async throws -> Int64 {
        try await database.read([SQLStatement("PRAGMA \(name)")])[0].first?.int(0) ?? -1
    }

    @Test func pruningShrinksTheFile() async throws {
        let path = Self.file()
        defer { TestDatabases.removeFiles(of: path) }
        let database = try SQLiteDatabase(path: path)
        #expect(try await Self.pragma(database, "auto_vacuum") == 2)
        let store = SQLStore(database: database)
        try await store.migrate(now: Fixtures.now)
        let shop = try await TestShop.make(store: store, at: Fixtures.now)
        let padding = String(repeating: "x", count: 2_000)
        for batch in 0..<4 {
            try await shop.ingest((0..<500).map {
                Fixtures.envelope("contact.updated", key: "e-\(batch)-\($0)", properties: ["padding": .string(padding)])
            })
        }
        let before = try await Self.pragma(database, "page_count")
        try await store.setTenantSetting("retention.events_days", to: "7", tenantID: shop.tenantID, now: shop.clock.now())
        shop.clock.advance(by: 8 * 86_400)
        var keeper = RetentionKeeper(dependencies: shop.dependencies)
        keeper.vacuumPages = 100_000
        var pruned = 0
        var reclaimed = 0
        while true {
            let outcome = try await keeper.prune(tenantID: shop.tenantID, now: shop.clock.now())
            pruned += outcome.events
            reclaimed += outcome.pagesReclaimed
            if outcome.total == 0 { break }
        }
        #expect(pruned == 2_000)
        let after = try await Self.pragma(database, "page_count")
        #expect(reclaimed > 0)
        #expect(after < before / 2, "page count \(before) → \(after)")
        #expect(try await Self.pragma(database, "freelist_count") == 0)
        // After the checkpoint beside the writer, if one still runs (a second one at once would copy nothing).
        #expect(try await database.copyWholeLog())
        let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0
        #expect(Int64(size) <= after * 4_096 + 4_096)
        try await database.close()
    }

    /// A file made before incremental vacuum (auto_vacuum NONE) is converted once, by a VACUUM, when it is opened.
    @Test func anOlderFileIsConvertedOnOpening() async throws {
        let path = Self.file()
        defer { TestDatabases.removeFiles(of: path) }
        let first = try SQLiteDatabase(path: path)
        try await SQLStore(database: first).migrate(now: Fixtures.now)
        try await first.executeScriptOutsideTransaction("PRAGMA auto_vacuum = NONE")
        try await first.executeScriptOutsideTransaction("VACUUM")
        #expect(try await Self.pragma(first, "auto_vacuum") == 0)
        try await first.close()
        let reopened = try SQLiteDatabase(path: path)
        #expect(try await Self.pragma(reopened, "auto_vacuum") == 2)
        #expect(try await SQLStore(database: reopened).schemaStatus().isCurrent)
        try await reopened.close()
    }
}
