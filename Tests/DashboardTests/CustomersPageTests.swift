import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import Dashboard

@Suite("Dashboard — customers: the RFM grid, churn risk, the most valuable, and one customer's file")
struct CustomersPageTests {
    /// The harness with more customers, scored as the nightly job does.
    static func scoredHarness() async throws -> DashboardHarness {
        let harness = try await DashboardHarness.make()
        try await harness.ingest(DashboardHistory.customers, tenantID: harness.tenantA)
        _ = try await InsightsService(dependencies: harness.dependencies, tenantID: harness.tenantA).rescore()
        return harness
    }

    @Test func scoringStoresTheRFMDigitsTheGridReads() async throws {
        let harness = try await Self.scoredHarness()
        let grid = try await harness.store.rfmGrid(tenantID: harness.tenantA)
        #expect(grid.reduce(0) { $0 + $1.customers } == 13, "12 customers and the one with markup in her name")
        let withoutOrders = try await harness.store.contactsWithoutOrders(tenantID: harness.tenantA)
        #expect(withoutOrders == 2, "the lead and the prospect")
    }

    @Test func theOverviewShowsTheGridChurnBySeverityAndTheMostValuable() async throws {
        let harness = try await Self.scoredHarness()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("viewer@a.example")
            let page = try await browser.get("/customers")
            #expect(page.status == .ok)
            #expect(page.body.contains("id=\"rfm-grid-title\""), "the heat map is drawn")
            #expect(page.body.contains("13 clients évalués."))
            #expect(page.body.contains("2 contacts n&#39;ont encore jamais commandé"))
            let critical = try #require(page.body.range(of: "data-tip=\"critique")), low = try #require(page.body.range(of: "data-tip=\"faible"))
            #expect(critical.lowerBound < low.lowerBound, "bands from the most severe")
            #expect(page.body.contains("chance d&#39;être encore client"))
            #expect(page.body.contains("data-testid=\"customer-row\""))
            #expect(!page.body.contains(DashboardHistory.scriptName))
            let linked = page.links(to: "/customers/")
            #expect(!linked.isEmpty)
            let first = try await browser.get(try #require(linked.first))
            #expect(first.status == .ok)
        }
    }

    @Test func aCustomersFileShowsProfileConsentsOrdersAndScoresInPlainWords() async throws {
        let harness = try await Self.scoredHarness()
        let id = try #require(try await harness.store.contactID(email: "script@a.example", tenantID: harness.tenantA))
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let page = try await browser.get("/customers/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !page.body.contains(DashboardHistory.scriptName))
            #expect(page.body.contains("accepté le"), "the email consent")
            #expect(page.body.contains("1001") && page.body.contains("1002") && page.body.contains("passée"))
            #expect(page.body.contains("Récence") && page.body.contains("/ 5") && page.body.contains("Risque de départ"))
            #expect(page.body.contains("commande passée"), "the history in plain words")
            #expect(!page.body.contains(">order.placed<"))
            #expect(try await browser.get("/customers/unknown").status == .notFound)

            var english = WebSession(client)
            english.acceptLanguage = "en"
            try await english.signIn("viewer@a.example")
            #expect(try await english.get("/customers/\(id)").body.contains("Consents"))
            var other = WebSession(client)
            try await other.signIn("owner@b.example")
            #expect(try await other.get("/customers/\(id)").status == .notFound)
            let theirs = try await other.get("/customers")
            #expect(theirs.status == .ok && theirs.body.contains("Pas encore de scores"))
        }
    }
}
