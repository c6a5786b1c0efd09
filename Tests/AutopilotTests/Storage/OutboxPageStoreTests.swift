import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The dashboard's outbox page read (`OutboxReadStore`), on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct OutboxPageStoreTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func message(
        _ tenantID: String, _ id: String, contact: String, flow: String?, channel: Channel = .email, status: MessageStatus, reason: String? = nil,
        minutes: Int
    ) -> OutboxRecord {
        let created = Fixtures.now.addingTimeInterval(Double(minutes) * 60)
        return OutboxRecord(
            id: id, tenantID: tenantID, idempotencyKey: "key-" + id, contactID: contact, runID: nil, flowID: flow, step: "steps[0]", channel: channel,
            template: "welcome", purpose: .marketing, status: status, scheduledAt: created, nextAttemptAt: nil,
            sentAt: status == .sent ? created : nil,
            blockedReason: reason, createdAt: created, updatedAt: created)
    }

    static func contract(_ store: SQLStore) async throws {
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now))
        let shop = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let event: JSONValue = [
            "type": "contact.created", "occurred_at": "2026-01-01T10:00:00Z", "idempotency_key": "c1", "contact": ["email": "ana@shop.example"],
        ]
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": [event]], tenantID: shop)
        let ana = try #require(
            try await store.database.read([SQLStatement("SELECT id FROM contacts WHERE tenant_id = ?", [.text(shop)])])[0].first?.text(0))
        try await store.recordDispatch([
            message(shop, "a1", contact: ana, flow: "welcome", status: .sent, minutes: 1),
            message(shop, "a2", contact: ana, flow: "welcome", status: .blocked, reason: "quiet_hours", minutes: 2),
            message(shop, "a3", contact: ana, flow: "win-back", channel: .sms, status: .skipped, reason: "no_consent", minutes: 3),
            message(shop, "a4", contact: "ct_gone", flow: nil, status: .queued, minutes: 4),
            message(other, "b1", contact: "ct_b", flow: "welcome", status: .sent, minutes: 5),
        ])
        func ids(_ query: OutboxPageQuery) async throws -> [String] { try await store.outboxPage(query).map(\.id) }

        #expect(try await ids(OutboxPageQuery(tenantID: shop)) == ["a4", "a3", "a2", "a1"])
        #expect(try await ids(OutboxPageQuery(tenantID: shop, flowID: "welcome")) == ["a2", "a1"])
        #expect(try await ids(OutboxPageQuery(tenantID: shop, channel: "sms")) == ["a3"])
        #expect(try await ids(OutboxPageQuery(tenantID: shop, statuses: ["blocked", "skipped"])) == ["a3", "a2"])
        #expect(try await ids(OutboxPageQuery(tenantID: shop, contactEmail: "ana@shop.example")) == ["a3", "a2", "a1"])
        #expect(try await ids(OutboxPageQuery(tenantID: shop, limit: 2, offset: 1)) == ["a3", "a2"])
        #expect(try await ids(OutboxPageQuery(tenantID: other)) == ["b1"])
        let listed = try #require(try await store.outboxPage(OutboxPageQuery(tenantID: shop, statuses: ["blocked"])).first)
        #expect(listed.contactEmail == "ana@shop.example" && listed.blockedReason == "quiet_hours" && listed.flowID == "welcome")
        #expect(listed.createdAt == Fixtures.now.addingTimeInterval(120))
    }
}
