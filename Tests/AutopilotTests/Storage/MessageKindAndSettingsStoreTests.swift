import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// `messages.kind` and `tenant_settings` (migration 18), on SQLite always and on PostgreSQL when configured.
@Suite struct MessageKindAndSettingsStoreTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func contract(_ store: SQLStore) async throws {
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        try await kindsAreRecordedOnce(store, tenantID: tenantID)
        try await settingsAreKeptPerTenant(store, tenantID: tenantID, other: other)
    }

    static func kindsAreRecordedOnce(_ store: SQLStore, tenantID: String) async throws {
        let contact = ContactIdentifiers(email: "a@example.com")
        func event(_ type: EventType, _ id: String, kind: MessageKind?, at minutes: Double) -> IncomingEvent {
            EngineEvent.message(type, id: id, channel: .email, template: nil, kind: kind)
                .incoming(contact: contact, occurredAt: Fixtures.now.addingTimeInterval(minutes * 60), key: "\(type.rawValue):\(id)")
        }
        _ = try await store.recordEvents(
            [
                event(.messageSent, "promo", kind: .marketing, at: 0), event(.messageSent, "note", kind: nil, at: 1),
                event(.messageOpened, "early", kind: nil, at: 2),
            ], tenantID: tenantID, receivedAt: Fixtures.now, ids: RandomIDGenerator())
        _ = try await store.recordEvents(
            [event(.messageOpened, "promo", kind: nil, at: 5), event(.messageSent, "early", kind: .transactional, at: 6)], tenantID: tenantID,
            receivedAt: Fixtures.now, ids: RandomIDGenerator())
        let messages = try await store.scoringData(tenantID: tenantID, ticketsSince: .distantPast).messages
        let kinds = Dictionary(uniqueKeysWithValues: messages.map { ($0.externalID, $0.kind?.rawValue ?? "none") })
        #expect(kinds == ["promo": "marketing", "note": "none", "early": "transactional"])
        #expect(messages.first { $0.externalID == "promo" }?.openedAt != nil)
    }

    static func settingsAreKeptPerTenant(_ store: SQLStore, tenantID: String, other: String) async throws {
        #expect(try await RecommendationSettings.load(store, tenantID: tenantID) == RecommendationSettings())
        try await RecommendationSettings.update(store, tenantID: tenantID, dailyLimit: 40, currency: "chf", now: Fixtures.now)
        try await RecommendationSettings.update(store, tenantID: tenantID, dailyLimit: 10, now: Fixtures.now)
        let settings = try await RecommendationSettings.load(store, tenantID: tenantID)
        #expect(settings.dailyLimit == 10)
        #expect(settings.currency == "CHF")
        #expect(settings.defaultDealSize == 1_000)
        #expect(try await store.tenantSettings(tenantID: other).isEmpty)
        await #expect(throws: ValidationError.self) {
            try await RecommendationSettings.update(store, tenantID: tenantID, dailyLimit: 0, now: Fixtures.now)
        }
        await #expect(throws: ValidationError.self) {
            try await RecommendationSettings.update(store, tenantID: tenantID, currency: "euro", now: Fixtures.now)
        }
        try await store.setTenantSetting(RecommendationSettings.dailyLimitName, to: nil, tenantID: tenantID, now: Fixtures.now)
        #expect(try await RecommendationSettings.load(store, tenantID: tenantID).dailyLimit == 25)
    }
}
