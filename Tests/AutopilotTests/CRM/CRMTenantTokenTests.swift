import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// An agency's shop with its own HubSpot token (a tenant setting, encrypted): its records go to HubSpot with its token,
/// the other shop's with the process's; each HubSpot portal (a loopback stand-in per token) sees only its shop's contacts.
@Suite("CRM — a tenant's own token")
struct CRMTenantTokenTests {
    @Test func eachShopsRecordsGoWithItsOwnToken() async throws {
        try await CRMHarness.withSQLiteFile { harness in
            let cipher = try SettingsCipher(key: Array(repeating: 5, count: 32))
            let agency = FakeHubSpot(token: "pat-agency")
            let client = FakeHubSpot(token: "pat-client-shop")
            let other = try await TenantService(dependencies: harness.dependencies).create(name: "Client shop").tenantID
            try await ShopSettings.update(
                ["hubspot.access_token": "pat-client-shop"], store: harness.store, tenantID: other, cipher: cipher, now: harness.clock.now())
            // One base URL, two portals told apart by the token, as HubSpot does.
            let respond: @Sendable (CRMTestRequest) -> CRMTestResponse = { request in
                request.authorization == "Bearer pat-client-shop" ? client.respond(request) : agency.respond(request)
            }
            try await CRMTestServer.with(respond: respond) { base in
                try await harness.ingest(CRMHarness.lead("L-1", email: "julien@atelier-b2b.example"))
                _ = try await IngestPipeline(dependencies: harness.dependencies).ingest(
                    document: ["events": .array(CRMHarness.lead("L-2", email: "ines@client.example", company: "Client SARL"))], tenantID: other)
                var settings = CRMSettings(hubspot: HubSpotSettings(accessToken: "pat-agency", baseURL: base))
                settings.requestTimeout = .seconds(30)
                let clock = harness.clock
                let sync = CRMSync(dependencies: harness.dependencies, settings: settings, sleep: { clock.advance(by: $0) }, jitter: { 0 }, cipher: cipher)
                let report = try await sync.runDue(now: harness.clock.now())
                #expect(report.sent == 4, "\(report)")
            }
            #expect(Set(agency.snapshot.contacts.keys) == ["julien@atelier-b2b.example"])
            #expect(Set(client.snapshot.contacts.keys) == ["ines@client.example"])
            #expect(client.snapshot.requests.allSatisfy { $0.authorization == "Bearer pat-client-shop" })
            #expect(!client.snapshot.requests.isEmpty && !agency.snapshot.requests.isEmpty)
        }
    }
}
