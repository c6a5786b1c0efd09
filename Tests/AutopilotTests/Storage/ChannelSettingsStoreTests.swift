import AutopilotCore
import Channels
import Engine
import Foundation
import Storage
import Testing

/// Channel settings and instance secrets, on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct ChannelSettingsStoreTests {
    static let relay = SMTPSettings(
        host: "smtp.relay.example", port: 2525, security: .startTLS, username: "shop", password: "never-shown-Pa55",
        fromAddress: "hello@shop.example",
        fromName: "Shop")

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func contract(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let channels = ChannelSettingsService(store: store, clock: clock)
        try await channels.useSMTP(relay, tenantID: tenantID)
        try await channels.useLog(channel: .sms, tenantID: tenantID)

        let shown = try await store.channelSettings(tenantID: tenantID)
        #expect(shown.map(\.channel) == [.email, .sms])
        #expect(shown.allSatisfy { $0.secrets == nil })
        #expect(shown.map(\.hasSecrets) == [true, false])
        #expect(!JSONValue.object(shown[0].settings).jsonString.contains("never-shown"))
        let listed = try await channels.list(tenantID: tenantID, defaults: SenderDirectory())
        #expect(listed.map(\.provider) == ["smtp", "log", "log"])
        #expect(listed.map(\.source) == ["tenant", "tenant", "default"])
        #expect(listed[0].json["settings"]?["password"] == "set")
        #expect(!JSONValue.array(listed.map(\.json)).jsonString.contains("never-shown"))
        #expect(try await store.channelSettings(tenantID: other).isEmpty)

        let sending = try await store.channelSettingsForSending(tenantIDs: [tenantID, other])
        let email = try #require(sending.first { $0.channel == .email })
        #expect(try SMTPSettings(document: email.settings, secrets: email.secrets) == relay)

        try await channels.useSMTP(SMTPSettings(host: "other.example", security: .implicitTLS, fromAddress: "a@shop.example"), tenantID: tenantID)
        let replaced = try await store.channelSettingsForSending(tenantIDs: [tenantID]).first { $0.channel == .email }
        #expect(replaced?.settings["host"] == "other.example" && replaced?.settings["port"] == .int(465) && replaced?.secrets == nil)
        #expect(try await channels.reset(channel: .email, tenantID: tenantID))
        #expect(try await channels.reset(channel: .email, tenantID: tenantID) == false)

        let first = try await store.instanceSecret(name: "tracking", candidate: String(repeating: "a", count: 43), at: Fixtures.now)
        let second = try await store.instanceSecret(name: "tracking", candidate: String(repeating: "b", count: 43), at: Fixtures.now)
        #expect(first == String(repeating: "a", count: 43) && second == first)
    }

    static let unusable: [(JSONObject, String)] = [
        (["security": "tls", "from_address": "a@b.example"], "host"),
        (["host": "h", "security": "ssl", "from_address": "a@b.example"], "security"),
        (["host": "h", "security": "none", "port": 70_000, "from_address": "a@b.example"], "port"),
        (["host": "h", "security": "none", "port": "25", "from_address": "a@b.example"], "port"),
        (["host": "h", "security": "none"], "from_address"),
    ]

    @Test(arguments: unusable)
    func unusableStoredSettingsNameTheField(settings: JSONObject, field: String) {
        #expect(throws: SMTPConfigurationError.self) { try SMTPSettings(document: settings, secrets: nil) }
        do {
            _ = try SMTPSettings(document: settings, secrets: nil)
        } catch {
            #expect(error.field == field)
        }
    }
}
