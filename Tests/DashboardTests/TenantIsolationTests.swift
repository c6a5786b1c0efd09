import AutopilotCore
import Decisions
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("Dashboard — one shop's people never see or change another shop's data")
struct TenantIsolationTests {
    /// Records of tenant A, by kind, found in the store.
    static func recordsOfA(_ harness: DashboardHarness) async throws -> [DashboardRoutesInventory.RecordKind: String] {
        let rows = try await harness.store.database.read([
            SQLStatement("SELECT id FROM leads WHERE tenant_id = ? LIMIT 1", [.text(harness.tenantA)]),
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = 'script@a.example'", [.text(harness.tenantA)]),
        ])
        var records: [DashboardRoutesInventory.RecordKind: String] = [:]
        records[.lead] = rows[0].first?.text(0)
        records[.customer] = rows[1].first?.text(0)
        records[.conversation] = try await harness.conversation(tenantID: harness.tenantA, messages: ["Bonjour, je suis Camille Durand"])
        // Built-in flows and templates are every shop's: B may see those. A's own copy and draft are A's alone.
        records[.flow] = try await FlowAdministration(dependencies: harness.dependencies, tenantID: harness.tenantA)
            .copy(id: "abandoned-cart", to: "a-own-cart").flow.id
        records[.template] = try await TemplateService(dependencies: harness.dependencies, tenantID: harness.tenantA)
            .update(id: "abandoned-cart-reminder", patch: ["variants": ["fr": ["subject": "Le panier de A"]]]).id
        return records
    }

    @Test func aUserOfBSeesNoneOfAsPagesAndChangesNoneOfAsRecords() async throws {
        let harness = try await DashboardHarness.make()
        let records = try await Self.recordsOfA(harness)
        let pendingOfA = try await InsightsService(dependencies: harness.dependencies, tenantID: harness.tenantA).pendingRecommendations()
        let recommendationOfA = try #require(pendingOfA.first?.id)
        try await harness.app.test(.live) { client in
            var owner = WebSession(client)
            try await owner.signIn("owner@a.example")
            let homeOfA = try await owner.get("/")
            #expect(homeOfA.body.contains("fondatrice@boutique.example"), "A's own hot lead is on A's home page")

            var intruder = WebSession(client)
            try await intruder.signIn("owner@b.example")
            for path in DashboardRoutesInventory.listPages {
                let page = try await intruder.get(path)
                #expect(page.status == .ok, "\(path)")
                for secret in ["Camille", "Durand", "script@a.example", "fondatrice@boutique.example", "Thés Durand", recommendationOfA] {
                    #expect(!page.body.contains(secret), "\(path) shows A's \(secret)")
                }
            }
            for (path, kind) in DashboardRoutesInventory.detailPages {
                let id = try #require(records[kind])
                let page = try await intruder.get(path.replacingOccurrences(of: "{id}", with: id))
                #expect(page.status == .notFound, "\(path) with A's \(kind) id")
            }
            let token = try await intruder.csrfToken()
            for (path, kind) in DashboardRoutesInventory.editorActionPaths {
                let id = kind.flatMap { records[$0] } ?? recommendationOfA
                let answer = try await intruder.post(
                    path.replacingOccurrences(of: "{id}", with: id),
                    [("csrf_token", token), ("ids", recommendationOfA), ("action", "accept"), ("time_zone", "Europe/Paris"), ("text", "B was here")])
                #expect(answer.status != .internalServerError, "\(path)")
            }
        }
        let stillPending = try await InsightsService(dependencies: harness.dependencies, tenantID: harness.tenantA).pendingRecommendations()
        #expect(stillPending.contains { $0.id == recommendationOfA }, "B's accept did not touch A's follow-up")
        let conversationID = try #require(records[.conversation])
        let conversationOfA = try #require(try await harness.store.conversation(id: conversationID, tenantID: harness.tenantA))
        #expect(conversationOfA.status == .open, "B's close or reply did not touch A's conversation")
        #expect(try await TenantService(dependencies: harness.dependencies).timeZone(tenantID: harness.tenantA).secondsFromGMT() == 0)
        #expect(try await TenantService(dependencies: harness.dependencies).timeZone(tenantID: harness.tenantB).identifier == "Europe/Paris")
    }
}
