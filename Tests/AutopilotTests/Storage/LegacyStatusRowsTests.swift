import AutopilotCore
import Foundation
import Storage
import Testing

/// Rows written by the code before statuses and kinds were enums (plain strings in SQL) read back as the enums' cases,
/// and a text no version wrote reads safely.
@Suite("Storage — rows written with the old status strings")
struct LegacyStatusRowsTests {
    @Test func oldStringsReadAsTheirEnumCases() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("legacy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("shop.sqlite").path))
        try await store.migrate(now: Fixtures.now)

        // Given rows as the old code wrote them.
        let run = "INSERT INTO flow_runs (id, tenant_id, flow_id, flow_version, contact_id, status, reason, started_at, updated_at, state) VALUES"
        let crm = "INSERT INTO crm_outbox (id, tenant_id, crm, kind, record_key, source_event_id, payload, status, created_at, updated_at) VALUES"
        let decision = "INSERT INTO recommendation_decisions (tenant_id, recommendation_id, status, until_at, decided_at) VALUES"
        let template = "INSERT INTO templates (tenant_id, name, version, channel, status, generated_by, document, created_at, updated_at) VALUES"
        let health = "INSERT INTO integration_health (name, kind, successes, failures, updated_at) VALUES"
        try await store.database.executeScript([
            "INSERT INTO tenants (id, name, created_at) VALUES ('t1', 'Shop', 0)",
            "\(run) ('r1', 't1', 'abandoned-cart', 1, 'c1', 'waiting', NULL, 0, 0, '{}')",
            "\(run) ('r2', 't1', 'abandoned-cart', 1, 'c2', 'exited', 'order_placed', 0, 0, '{}')",
            "\(run) ('r3', 't1', 'welcome', 1, 'c3', 'completed', NULL, 0, 0, '{}')",
            "\(crm) ('k1', 't1', 'hubspot', 'contact', 'a@b.example', 'e1', '{}', 'queued', 0, 0)",
            "\(crm) ('k2', 't1', 'hubspot', 'contact', 'b@b.example', 'e2', '{}', 'sent', 0, 0)",
            "\(crm) ('k3', 't1', 'hubspot', 'contact', 'c@b.example', 'e3', '{}', 'failed', 0, 0)",
            "\(decision) ('t1', 'rec_1', 'accepted', NULL, 1000)",
            "\(decision) ('t1', 'rec_2', 'dismissed', NULL, 1000)",
            "\(decision) ('t1', 'rec_3', 'snoozed', 5000, 1000)",
            "\(template) ('t1', 'welcome-1', 1, 'sms', 'archived', 'person', '{}', 0, 0)",
            "\(template) ('t1', 'welcome-1', 2, 'sms', 'active', 'person', '{}', 0, 0)",
            "\(template) ('t1', 'welcome-1', 3, 'sms', 'draft', 'person', '{}', 0, 0)",
            "\(health) ('smtp', 'channel', 1, 0, 0)",
            "\(health) ('slack', 'notifications', 0, 1, 0)",
            "\(health) ('webhook_actions', 'webhooks', 2, 0, 0)",
            "\(health) ('hubspot', 'crm', 1, 1, 0)",
            "\(health) ('future_thing', 'hologram', 1, 0, 0)",
        ])

        // Then the store reads them as the enums' cases.
        let counts = try await store.flowRunCounts(tenantID: "t1")
        #expect(
            Set(counts.map { "\($0.flowID) \($0.status) \($0.reason ?? "-")" })
                == ["abandoned-cart waiting -", "abandoned-cart exited order_placed", "welcome completed -"])
        #expect(try await store.flowRun(id: "r2", tenantID: "t1")?.status == .exited)
        #expect(try await store.flowRun(id: "r1", tenantID: "t1")?.isFinished == false)

        let rows = try await store.crmRecords(crm: "hubspot", kind: "contact", tenantID: "t1", keys: ["a@b.example", "b@b.example", "c@b.example"])
        #expect(Dictionary(uniqueKeysWithValues: rows.map { ($0.id, $0.status) }) == ["k1": .queued, "k2": .sent, "k3": .failed])
        #expect(try await store.crmStatusCounts(crm: "hubspot") == ["queued": 1, "sent": 1, "failed": 1])

        let decisions = try await store.recommendationDecisions(tenantID: "t1")
        #expect(
            Dictionary(uniqueKeysWithValues: decisions.map { ($0.recommendationID, $0.status) })
                == ["rec_1": .accepted, "rec_2": .dismissed, "rec_3": .snoozed])
        #expect(decisions.first { $0.recommendationID == "rec_3" }?.until == Date(timeIntervalSince1970: 5))

        let versions = try await store.templateVersions(name: "welcome-1", tenantID: "t1")
        #expect(versions.sorted { $0.version < $1.version }.map(\.status) == [.archived, .active, .draft])

        let integrations = try await store.integrationHealth()
        #expect(
            Dictionary(uniqueKeysWithValues: integrations.map { ($0.name, $0.kind) })
                == ["smtp": .channel, "slack": .notifications, "webhook_actions": .webhooks, "hubspot": .crm, "future_thing": .channel])
    }

    @Test func unknownStoredTextReadsSafely() {
        #expect(FlowRunPhase(stored: "zombie") == .active && FlowRunPhase(stored: nil) == .active)
        #expect(CRMOutboxStatus(stored: "zombie") == .failed && CRMOutboxStatus(stored: nil) == .queued)
        #expect(RecommendationDecisionStatus(stored: "zombie") == .dismissed)
        #expect(IntegrationKind(stored: "zombie") == .channel)
        #expect(FlowRunPhase.allCases.map(\.rawValue) == ["pending", "active", "waiting", "completed", "exited", "skipped"])
        #expect(CRMOutboxStatus.allCases.map(\.rawValue) == ["queued", "sent", "failed"])
        #expect(RecommendationDecisionStatus.allCases.map(\.rawValue) == ["accepted", "dismissed", "snoozed"])
        #expect(TemplateStatus.allCases.map(\.rawValue) == ["draft", "active", "archived"])
    }
}
