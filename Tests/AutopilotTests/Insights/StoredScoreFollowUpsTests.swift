import AutopilotCore
import Decisions
import Engine
import Foundation
import Storage
import Testing

/// The daily list read from the scores the last scoring stored, and only the contacts a rule can hold for: on SQLite
/// always, on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Insights — the daily list from stored scores")
struct StoredScoreFollowUpsTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func event(_ type: String, _ at: String, _ key: String, _ email: String, _ properties: JSONValue = [:]) -> JSONValue {
        Fixtures.envelope(type, at: at, key: key, contact: ["email": .string(email)], properties: properties)
    }

    static func order(_ id: String, _ at: String, _ email: String, _ total: Double) -> JSONValue {
        event(
            "order.placed", at, "order-" + id, email,
            ["order_id": .string(id), "lines": [["sku": "TEA", "quantity": 1, "price": .double(total)]], "total": .double(total), "currency": "EUR"])
    }

    static func consent(_ email: String) -> JSONValue {
        event("contact.created", "2025-01-01T08:00:00Z", "c-" + email, email, ["consents": ["email": true]])
    }

    /// Ana ordered long ago and is stored at critical risk; Bob, a customer at low risk, opened a conversation email
    /// three days ago and did not reply; Cyd opened a marketing email; Dan is a hot lead nobody wrote to; Fay a cold lead
    /// nobody wrote to (no rule can hold for her); Eve ordered and was never scored, and an email to her went unopened.
    static let shop: [JSONValue] = [
        consent("ana@a.example"), order("A1", "2025-01-10T10:00:00Z", "ana@a.example", 300), order("A2", "2025-02-10T10:00:00Z", "ana@a.example", 200),
        consent("bob@a.example"), order("B1", "2026-02-20T10:00:00Z", "bob@a.example", 80),
        event("message.sent", "2026-03-07T10:00:00Z", "m-bob", "bob@a.example", ["message_id": "m-bob", "channel": "email"]),
        event("message.opened", "2026-03-07T11:00:00Z", "m-bob-o", "bob@a.example", ["message_id": "m-bob", "channel": "email"]),
        consent("cyd@a.example"),
        event("message.sent", "2026-03-07T10:00:00Z", "m-cyd", "cyd@a.example", ["message_id": "m-cyd", "channel": "email", "kind": "marketing"]),
        event("message.opened", "2026-03-07T11:00:00Z", "m-cyd-o", "cyd@a.example", ["message_id": "m-cyd", "channel": "email"]),
        event(
            "lead.created", "2026-03-09T09:00:00Z", "lead-dan", "dan@a.example",
            ["lead_id": "L1", "message": "Fondateur d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !"]),
        event("lead.created", "2026-03-09T09:00:00Z", "lead-fay", "fay@a.example", ["lead_id": "L2", "message": "Just looking."]),
        consent("eve@a.example"), order("E1", "2025-12-01T10:00:00Z", "eve@a.example", 45),
        event("message.sent", "2026-03-06T10:00:00Z", "m-eve", "eve@a.example", ["message_id": "m-eve", "channel": "email"]),
        event("message.delivered", "2026-03-06T10:01:00Z", "m-eve-d", "eve@a.example", ["message_id": "m-eve", "channel": "email"]),
    ]

    static func contactIDs(_ store: SQLStore, tenantID: String) async throws -> [String: String] {
        let rows = try await store.database.read([SQLStatement("SELECT email, id FROM contacts WHERE tenant_id = ?", [.text(tenantID)])])
        return Dictionary(uniqueKeysWithValues: rows[0].map { ($0.text(0) ?? "", $0.text(1) ?? "") })
    }

    static func contract(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 3))
        let tenants = TenantService(dependencies: dependencies)
        let shop = try await tenants.create(name: "shop").tenantID
        let other = try await tenants.create(name: "other").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        _ = try await pipeline.ingest(document: ["events": .array(Self.shop)], tenantID: shop)
        _ = try await pipeline.ingest(
            document: ["events": [consent("zoe@b.example"), order("Z1", "2025-01-10T10:00:00Z", "zoe@b.example", 900)]], tenantID: other)
        let ids = try await contactIDs(store, tenantID: shop)
        let ana = try #require(ids["ana@a.example"]), bob = try #require(ids["bob@a.example"]), eve = try #require(ids["eve@a.example"])
        let zoe = try #require(try await contactIDs(store, tenantID: other)["zoe@b.example"])
        try await store.recordScores(
            [
                ContactScore(contactID: ana, churnScore: 0.9, churnBand: "critical", rfmSegment: "lost", clv: 500, probabilityAlive: 0.1),
                ContactScore(contactID: bob, churnScore: 0.3, churnBand: "low", rfmSegment: "new", clv: 200, probabilityAlive: 0.9),
            ], tenantID: shop, scoredAt: Fixtures.now)
        try await store.recordScores(
            [ContactScore(contactID: zoe, churnScore: 0.95, churnBand: "critical", rfmSegment: "lost", clv: 5_000, probabilityAlive: 0.1)],
            tenantID: other, scoredAt: Fixtures.now)

        // The store reads the candidates only, with their stored scores and what they spent.
        let horizon = Fixtures.now.addingTimeInterval(-60 * 86_400)
        let candidates = try await store.followUpData(tenantID: shop, horizon: horizon, contactID: nil)
        #expect(Set(candidates.data.contacts.compactMap(\.email)) == ["ana@a.example", "bob@a.example", "dan@a.example", "eve@a.example"])
        #expect(candidates.spent == [ana: 500, bob: 80, eve: 45], "only customers, their orders summed")
        #expect(candidates.scores[ana] == FollowUpData.StoredScores(churnScore: 0.9, churnBand: "critical", lifetimeValue: 500))
        #expect(candidates.scores[eve]?.churnScore == nil)
        #expect(!candidates.data.messages.contains { $0.contactID == ids["cyd@a.example"] }, "a marketing email makes no candidate")
        let otherCandidates = try await store.followUpData(tenantID: other, horizon: horizon, contactID: nil)
        #expect(otherCandidates.data.contacts.map(\.id) == [zoe] && otherCandidates.spent == [zoe: 900])
        #expect(try await store.followUpData(tenantID: other, horizon: horizon, contactID: ana).data.contacts.isEmpty, "no contact of another shop")

        // The list: ranked by expected value from the stored numbers, Eve scored on the spot and valued on what she spent.
        let insights = InsightsService(dependencies: dependencies, tenantID: shop)
        let list = try await insights.dailyList(language: "en")
        #expect(list.total == 4)
        let byContact = Dictionary(uniqueKeysWithValues: list.items.map { ($0.recommendation.contactID, $0.recommendation) })
        let anaItem = try #require(byContact[ana])
        #expect(anaItem.rule == .atRiskCustomer && anaItem.expectedValue.amount == 450 && anaItem.expectedValue.source == .predictedLifetimeValue)
        #expect(byContact[bob]?.rule == .openedNoReply && byContact[bob]?.expectedValue.amount == 60)
        let eveItem = try #require(byContact[eve])
        #expect(eveItem.rule == .notOpened && eveItem.expectedValue.source == .spentSoFar && eveItem.expectedValue.value == 45)
        #expect(eveItem.expectedValue.likelihood > 0 && eveItem.expectedValue.likelihood != ValuePolicy.standard.unscoredChurnRisk)
        let amounts = list.items.map(\.recommendation.expectedValue.amount)
        #expect(amounts == amounts.sorted(by: >))
        let why = try #require(list.items.first { $0.recommendation.contactID == ana }?.why)
        #expect(why.contains("90% churn risk") && why.contains("predicted lifetime value"), "\(why)")
        #expect(!list.items.contains { $0.recommendation.contactID == zoe })

        // The API's, the CLI's and a contact page's views agree with the list.
        let pending = try await insights.pendingRecommendations()
        #expect(Set(pending.map(\.id)) == Set(list.items.map(\.recommendation.id)))
        #expect(try await insights.pendingRecommendations(contactID: ana).map(\.id) == [anaItem.id])
        #expect(try await insights.pendingRecommendations(contactID: zoe).isEmpty)

        // A new scoring moves the list; nothing is recomputed behind it.
        try await store.recordScores(
            [ContactScore(contactID: ana, churnScore: 0.2, churnBand: "low", rfmSegment: "loyal", clv: 500, probabilityAlive: 0.9)], tenantID: shop,
            scoredAt: Fixtures.now)
        let after = try await insights.dailyList(language: "en")
        #expect(after.total == 3 && !after.items.contains { $0.recommendation.contactID == ana })
        #expect(try await InsightsService(dependencies: dependencies, tenantID: other).dailyList().items.map(\.recommendation.contactID) == [zoe])
    }
}
