import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Integrations
import Server
import Storage
import Testing

/// `GET /health` lists each configured CRM's queue and state; a CRM in trouble does not make the instance unhealthy.
@Suite("CRM health")
struct CRMHealthAPITests {
    @Test func healthShowsTheConfiguredCRMs() async throws {
        let harness = try await APITestHarness.make { configuration in
            configuration.crm = CRMSettings(hubspot: HubSpotSettings(accessToken: "pat"))
        }
        let store = harness.store
        let now = harness.clock.now()
        let tenantID = try #require(try await store.tenants().first?.id)
        var failed = CRMOutboxRecord(
            tenantID: tenantID, crm: "hubspot", kind: "contact", recordKey: "a@example.com", sourceEventID: "ev_1",
            payload: ["email": "a@example.com"],
            now: now)
        failed.status = .failed
        failed.attempts = 5
        failed.nextAttemptAt = nil
        try await store.saveCRMRecords([failed])
        try await store.saveCRMSyncState(CRMSyncStateRecord(crm: "hubspot", lastError: "POST … answered 400", lastErrorAt: now, updatedAt: now))
        try await harness.app.test(.router) { client in
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let report = try APITestHarness.json(health)
            let crm = try #require(report["crm"]?.arrayValue?.first)
            #expect(crm["crm"] == "hubspot" && crm["status"] == "failing" && crm["failed"] == 1 && crm["queued"] == 0)
            #expect(crm["last_error"] == "http_400", "the unauthenticated health gives the code, not the text")
        }
        let plain = try await APITestHarness.make()
        let plainReport = try await plain.app.test(.router) { client in
            try APITestHarness.json(try await client.execute(uri: "/health", method: .get))
        }
        #expect(plainReport["crm"] == nil && plainReport["status"] == "ok")
    }
}
