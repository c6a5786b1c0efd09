import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Stored secrets are sealed with the instance's key: what was in clear is sealed on first start (idempotently), a wrong
/// key is a startup error naming its variable, and a rotation re-seals everything. SQLite always, PostgreSQL when set.
@Suite struct SecretSealingTests {
    static let first = Array(repeating: UInt8(1), count: 32)
    static let second = Array(repeating: UInt8(2), count: 32)
    static let third = Array(repeating: UInt8(3), count: 32)
    static func base64(_ key: [UInt8]) -> String { Data(key).base64EncodedString() }
    static let clearSecrets = ["whsec_clear_signing_secret", "smtp-Pa55word-clear", String(repeating: "t", count: 43)]

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0, database: .sqlite(path: ":memory:")) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0, database: .postgres(url: TestDatabases.postgresURL!)) }
    }

    static func contract(_ clearStore: SQLStore, database: DatabaseConfiguration) async throws {
        let dependencies = Dependencies(store: clearStore, clock: ManualClock(Fixtures.now))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        // Given secrets stored in clear, as before this version.
        try await clearStore.saveWebhookEndpoint(
            WebhookEndpoint(tenantID: tenantID, provider: "stripe", token: "tok-shop", secret: clearSecrets[0], createdAt: Fixtures.now))
        try await clearStore.saveChannelSettings(
            ChannelSettingsRecord(
                tenantID: tenantID, channel: .email, provider: "smtp", settings: ["host": "smtp.example"], secrets: ["password": .string(clearSecrets[1])],
                updatedAt: Fixtures.now))
        _ = try await clearStore.instanceSecret(name: TrackingKeySource.secretName, candidate: clearSecrets[2], at: Fixtures.now)
        try await clearStore.setTenantSetting("shop.name", to: "Shop", tenantID: tenantID, now: Fixtures.now)

        // When the first start seals them: once, and a second start changes nothing.
        let environment = [SettingsCipher.variable: base64(first)]
        let (store, source, report) = try await SecretKeySource.sealing(clearStore, database: database, environment: environment, now: Fixtures.now)
        #expect(source.origin == .environment(variable: SettingsCipher.variable))
        #expect(report == SecretSealingReport(sealed: 3, resealed: 0))
        let again = try await SecretKeySource.sealing(clearStore, database: database, environment: environment, now: Fixtures.now).report
        #expect(again == SecretSealingReport(sealed: 0, resealed: 0))

        // Then nothing readable is left in the database, and the keyed store reads the clear values back.
        let stored = try await storedTexts(store)
        for secret in clearSecrets { #expect(!stored.contains { $0.contains(secret) }, "\(secret) is stored in clear") }
        #expect(try await store.webhookEndpoint(provider: "stripe", token: "tok-shop")?.secret == clearSecrets[0])
        #expect(try await store.webhookEndpoints(tenantID: tenantID).first?.secret == clearSecrets[0])
        let sending = try await store.channelSettingsForSending(tenantIDs: [tenantID])
        #expect(sending.first?.secrets?["password"] == .string(clearSecrets[1]))
        #expect(try await store.instanceSecret(name: TrackingKeySource.secretName, candidate: String(repeating: "n", count: 43), at: Fixtures.now) == clearSecrets[2])
        #expect(try await store.tenantSettings(tenantID: tenantID)["shop.name"] == "Shop", "plain settings stay plain")

        // A store without the key cannot read them, and says which variable it needs.
        await #expect(throws: ConfigurationError.self) { try await clearStore.channelSettingsForSending(tenantIDs: [tenantID]) }

        // A sealed value moved to another tenant does not open there.
        try await store.saveWebhookEndpoint(WebhookEndpoint(tenantID: other, provider: "stripe", token: "tok-other", secret: "x", createdAt: Fixtures.now))
        let sealedSecret = try #require(
            try await store.database.read([SQLStatement("SELECT secret FROM webhook_endpoints WHERE tenant_id = ?", [.text(tenantID)])])[0].first?.text(0))
        try await store.database.transaction(lock: nil, reads: []) { _ in
            ([.statement(SQLStatement("UPDATE webhook_endpoints SET secret = ? WHERE tenant_id = ?", [.text(sealedSecret), .text(other)]))], ())
        }
        await #expect(throws: ConfigurationError.self) { try await store.webhookEndpoint(provider: "stripe", token: "tok-other") }
        try await store.saveWebhookEndpoint(WebhookEndpoint(tenantID: other, provider: "stripe", token: "tok-other", secret: "y", createdAt: Fixtures.now))

        // A wrong key is refused before anything is written, naming the variable it came from.
        let before = try await storedTexts(store)
        for name in [SettingsCipher.variable, SettingsCipher.alias] {
            let error = await #expect(throws: ConfigurationError.self) {
                try await SecretKeySource.sealing(clearStore, database: database, environment: [name: base64(second)], now: Fixtures.now)
            }
            #expect(error?.variable == name)
        }
        #expect(try await storedTexts(store) == before)

        // Rotation re-seals every value with the new key in one transaction; the old key then no longer opens them.
        try await ShopSettings.update(["shopify.access_token": "shpat_clear_token"], store: store, tenantID: tenantID, cipher: store.cipher, now: Fixtures.now)
        var rotated = store
        rotated.cipher = try store.cipher!.rotated(to: second)
        #expect(try await rotated.sealStoredSecrets(now: Fixtures.now) == SecretSealingReport(sealed: 0, resealed: 5))
        await #expect(throws: ConfigurationError.self) {
            try await SecretKeySource.sealing(clearStore, database: database, environment: environment, now: Fixtures.now)
        }
        let afterRotation = try await SecretKeySource.sealing(
            clearStore, database: database, environment: [SettingsCipher.variable: base64(second)], now: Fixtures.now)
        #expect(try await afterRotation.store.webhookEndpoint(provider: "stripe", token: "tok-shop")?.secret == clearSecrets[0])
        #expect(try await ShopSettings.load(afterRotation.store, tenantID: tenantID, cipher: afterRotation.store.cipher).values["shopify.access_token"] == "shpat_clear_token")

        // A rolling rotation: processes started with the new key and the old one as previous read both and re-seal on start.
        let rolling = try await SecretKeySource.sealing(
            clearStore, database: database, environment: [SettingsCipher.variable: base64(third), SettingsCipher.previousVariable: base64(second)],
            now: Fixtures.now)
        #expect(rolling.report == SecretSealingReport(sealed: 0, resealed: 5))
        #expect(try await rolling.store.channelSettingsForSending(tenantIDs: [tenantID]).first?.secrets?["password"] == .string(clearSecrets[1]))
        for secret in clearSecrets + ["shpat_clear_token"] {
            #expect(!(try await storedTexts(store)).contains { $0.contains(secret) })
        }
    }

    @Test func aKeyFileIsCreatedBesideTheDatabaseOwnersOnlyAndRequiredOnceSecretsAreSealed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shop.sqlite").path
        let database = DatabaseConfiguration.sqlite(path: path)
        let store = SQLStore(database: try SQLiteDatabase(path: path))
        try await store.migrate(now: Fixtures.now)

        let created = try await SecretKeySource.sealing(store, database: database, environment: [:], now: Fixtures.now)
        #expect(created.source.origin == .file(path: path + ".key"))
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: path + ".key")[.posixPermissions] as? NSNumber)
        #expect(mode.intValue & 0o777 == 0o600)
        _ = try await created.store.instanceSecret(name: "tracking", candidate: String(repeating: "k", count: 43), at: Fixtures.now)
        let reopened = try await SecretKeySource.sealing(store, database: database, environment: [:], now: Fixtures.now)
        #expect(reopened.source.cipher == created.source.cipher)

        // A key file others can read is refused, naming AUTOPILOT_SECRET_KEY_FILE.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path + ".key")
        let open = await #expect(throws: ConfigurationError.self) {
            try await SecretKeySource.sealing(store, database: database, environment: [:], now: Fixtures.now)
        }
        #expect(open?.variable == SecretKeySource.fileVariable && open?.reason.contains("chmod 600") == true)

        // Without the key file, a database with sealed secrets does not start with a new key: it asks for the old one.
        try FileManager.default.removeItem(atPath: path + ".key")
        let missing = await #expect(throws: ConfigurationError.self) {
            try await SecretKeySource.sealing(store, database: database, environment: [:], now: Fixtures.now)
        }
        #expect(missing?.variable == SettingsCipher.variable)
        #expect(!FileManager.default.fileExists(atPath: path + ".key"))
        try await store.database.close()
    }

    /// Every text value of every table.
    static func storedTexts(_ store: SQLStore) async throws -> Set<String> {
        let tables: [String]
        switch store.database.dialect {
        case .sqlite:
            tables = try await store.database.read([SQLStatement("SELECT name FROM sqlite_master WHERE type = 'table'")])[0].compactMap { $0.text(0) }
        case .postgres:
            tables = try await store.database.read([
                SQLStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")
            ])[0].compactMap { $0.text(0) }
        }
        var texts: Set<String> = []
        for table in tables {
            let rows = try await store.database.read([SQLStatement("SELECT * FROM \(table)")])[0]
            for row in rows {
                for value in row.values { if case .text(let text?) = value { texts.insert(text) } }
            }
        }
        return texts
    }
}
