import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Scoring
import Storage
import Testing

@testable import Dashboard

@Suite("Dashboard — leads: the list, one lead's signals, and what an editor does to it")
struct LeadsPageTests {
    static func leadID(_ harness: DashboardHarness) async throws -> String {
        let page = try await harness.store.leadList(LeadListQuery(), tenantID: harness.tenantA)
        return try #require(page.rows.first?.id)
    }

    @Test func theListShowsLeadsBestFirstWithPlainWordsFiltersAndSearch() async throws {
        let harness = try await DashboardHarness.make()
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("viewer@a.example")
            let list = try await browser.get("/leads")
            #expect(list.status == .ok)
            #expect(
                list.body.contains("data-testid=\"lead-row\"") && list.body.contains("fondatrice@boutique.example")
                    && list.body.contains("Thés Durand"))
            #expect(list.body.contains(">chaud<"), "the tier in plain words")
            #expect(!list.body.contains(">hot<"))
            #expect(try await browser.get("/leads?tier=cold").body.contains("Aucun lead ne correspond."))
            #expect(try await browser.get("/leads?q=DURAND").body.contains("Thés Durand"))
            #expect(!(try await browser.get("/leads?q=personne").body.contains("Thés Durand")))
            #expect(try await browser.get("/leads?tier=%3Cscript%3E").status == .ok, "an unknown tier is ignored")
        }
    }

    @Test func theListHasFiftyLeadsAPage() async throws {
        let harness = try await DashboardHarness.make()
        let leads = (0..<55).map { index in
            DashboardHistory.envelope(
                "lead.created", at: "2026-03-0\(1 + index % 9)T09:00:00Z", key: "bulk-\(index)",
                contact: ["email": .string("bulk\(index)@a.example")],
                properties: ["lead_id": .string("B\(index)"), "company": .string("Bulk \(index)"), "message": "Just looking.", "source": "import"])
        }
        try await harness.ingest(leads, tenantID: harness.tenantA)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("owner@a.example")
            let first = try await browser.get("/leads")
            #expect(first.body.components(separatedBy: "data-testid=\"lead-row\"").count - 1 == 50)
            #expect(first.body.contains("Page 1 sur 2") && first.body.contains("href=\"/leads?page=2\""))
            let hot = try #require(first.body.range(of: "Thés Durand")), bulk = try #require(first.body.range(of: "Bulk "))
            #expect(hot.lowerBound < bulk.lowerBound, "the hot lead comes first")
            let second = try await browser.get("/leads?page=2")
            #expect(second.body.components(separatedBy: "data-testid=\"lead-row\"").count - 1 == 6)
            let imported = try await browser.get("/leads?source=import")
            #expect(imported.body.contains("55 leads") && !imported.body.contains("Thés Durand"))
        }
    }

    @Test func aLeadShowsItsSignalsWithTheWordsTheyCameFrom() async throws {
        let harness = try await DashboardHarness.make()
        let id = try await Self.leadID(harness)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let page = try await browser.get("/leads/\(id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("data-testid=\"signals\""))
            #expect(page.body.contains("<mark class=\"signal-budget\">"), "the budget's words are marked")
            #expect(page.body.contains("<mark class=\"signal-timing\">"))
            #expect(page.body.contains("points sur 100") && page.body.contains("lead chaud"))
            #expect(page.body.contains("Évalué à son arrivée par les règles"))
            for control in ["requalify", "mark-won", "mark-lost", "note-text", "add-note"] {
                #expect(page.body.contains("data-testid=\"\(control)\""), "\(control)")
            }
            #expect(try await browser.get("/leads/nope").status == .notFound)
        }
    }

    @Test func anEditorMarksWonRequalifiesAndAddsEscapedNotes() async throws {
        let harness = try await DashboardHarness.make()
        let id = try await Self.leadID(harness)
        try await harness.app.test(.live) { client in
            var browser = WebSession(client)
            try await browser.signIn("editor@a.example")
            let token = try await browser.csrfToken()
            let won = try await browser.post("/leads/\(id)/status", [("csrf_token", token), ("status", "won")])
            #expect(won.status == .seeOther && won.location == "/leads/\(id)?notice=lead_status_won")
            let note = "<img src=x onerror=alert(1)> rappeler jeudi"
            let added = try await browser.post("/leads/\(id)/notes", [("csrf_token", token), ("text", note)])
            #expect(added.status == .seeOther)
            let tooLong = try await browser.post("/leads/\(id)/notes", [("csrf_token", token), ("text", String(repeating: "a", count: 5_001))])
            #expect(tooLong.status == .badRequest)
            let requalified = try await browser.post("/leads/\(id)/requalify", [("csrf_token", token)])
            #expect(requalified.status == .seeOther)
            let page = try await browser.get("/leads/\(id)")
            #expect(page.body.contains("&lt;img src=x onerror=alert(1)&gt; rappeler jeudi") && !page.body.contains("<img src=x"))
            #expect(page.body.contains("editor@a.example") && page.body.contains(">gagné<"))
            #expect(page.body.contains("Réévalué par les règles (sans modèle de langage)"))
            #expect(!page.body.contains("data-testid=\"mark-won\""), "a won lead can be reopened, not won again")
            #expect(try await browser.post("/leads/nope/status", [("csrf_token", token), ("status", "lost")]).status == .notFound)
        }
        let file = try #require(try await harness.store.leadFile(id: id, tenantID: harness.tenantA))
        #expect(file.row.status == .won && file.notes.count == 1 && file.qualification?.qualifiedBy == "rules")
    }

    @Test func viewersAndOtherShopsChangeNothing() async throws {
        let harness = try await DashboardHarness.make()
        let id = try await Self.leadID(harness)
        try await harness.app.test(.live) { client in
            var viewer = WebSession(client)
            try await viewer.signIn("viewer@a.example")
            let page = try await viewer.get("/leads/\(id)")
            #expect(page.status == .ok && !page.body.contains("data-testid=\"mark-won\"") && !page.body.contains("data-testid=\"add-note\""))
            let token = try page.csrfToken()
            #expect(try await viewer.post("/leads/\(id)/status", [("csrf_token", token), ("status", "lost")]).status == .forbidden)
            var other = WebSession(client)
            try await other.signIn("owner@b.example")
            #expect(try await other.get("/leads/\(id)").status == .notFound)
            let theirs = try await other.csrfToken()
            #expect(try await other.post("/leads/\(id)/notes", [("csrf_token", theirs), ("text", "hello")]).status == .notFound)
        }
        let file = try #require(try await harness.store.leadFile(id: id, tenantID: harness.tenantA))
        #expect(file.row.status == .open && file.notes.isEmpty)
    }

    @Test func markedTextCutsTheWordsOutInOrderAndSkipsOverlaps() {
        let text = "Budget 900€/mois, on démarre cette semaine."
        let marked = MarkedText(
            text,
            marks: [
                ("timing", EvidenceRange(start: 18, end: 42)), ("budget", EvidenceRange(start: 7, end: 16)), ("x", EvidenceRange(start: 8, end: 20)),
            ])
        #expect(marked.pieces.map(\.text) == ["Budget ", "900€/mois", ", ", "on démarre cette semaine", "."])
        #expect(marked.pieces.map(\.field) == [nil, "budget", nil, "timing", nil])
        #expect(marked.pieces.map(\.text).joined() == text)
        let shifted = MarkedText("abc", marks: [("b", EvidenceRange(start: 6, end: 7)), ("gone", EvidenceRange(start: 1, end: 3))], offset: 5)
        #expect(shifted.pieces == [.init(text: "a"), .init(text: "b", field: "b"), .init(text: "c")])
        #expect(MarkedText("abc", marks: [("far", EvidenceRange(start: 2, end: 9))]).pieces == [.init(text: "abc")])
    }
}
