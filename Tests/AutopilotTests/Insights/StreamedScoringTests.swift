import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring
import Storage
import Testing

/// The scoring streamed a page of contacts at a time (the nightly `rescore`, the demo's report) gives every customer the
/// same scores as the scoring of the whole tenant at once: RFM, churn, and lifetime value from a model fitted on
/// everyone in a first pass. On SQLite always, on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite("Scoring — streamed in pages, equal to the whole tenant at once")
struct StreamedScoringTests {
    static let now = Fixtures.date("2026-03-10T12:00:00Z")

    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.scenario($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.scenario($0) }
    }

    /// 300 customers who ordered one to five times over a year (enough repeat buyers for the BG/NBD fit), emails opened,
    /// a few people who never ordered; a second tenant whose customers must not count.
    static func shop(_ pipeline: IngestPipeline, tenantID: String, customers: Int) async throws {
        var events: [JSONValue] = []
        for index in 0..<customers {
            let email = JSONValue.string("c\(index)@shop.example")
            for order in 0..<(index % 5 + 1) {
                let daysAgo = Double((index * 37 + order * (index % 11 + 9) * 7) % 360 + 1)
                let at = Timestamp.format(now.addingTimeInterval(-daysAgo * 86_400))
                let total = Double(15 + (index * 13 + order * 29) % 180)
                events.append(
                    Fixtures.envelope(
                        "order.placed", at: at, key: "o\(index)-\(order)", contact: ["email": email],
                        properties: [
                            "order_id": .string("O\(index)-\(order)"), "lines": [["sku": "TEA", "quantity": 1, "price": .double(total)]],
                            "total": .double(total), "currency": "EUR",
                        ]))
            }
            if index % 4 == 0 {
                events.append(
                    Fixtures.envelope(
                        "contact.created", at: "2025-01-01T10:00:00Z", key: "consent\(index)", contact: ["email": email],
                        properties: ["consents": ["email": true]]))
            }
        }
        for index in 0..<5 {
            events.append(Fixtures.envelope("contact.created", at: "2026-03-01T10:00:00Z", key: "p\(index)", contact: ["email": .string("p\(index)@shop.example")]))
        }
        for start in stride(from: 0, to: events.count, by: 500) {
            _ = try await pipeline.ingest(document: ["events": .array(Array(events[start..<min(events.count, start + 500)]))], tenantID: tenantID)
        }
    }

    static func scenario(_ store: SQLStore) async throws {
        let dependencies = Dependencies(store: store, clock: ManualClock(now), ids: SeededIDGenerator(seed: 3))
        let tenants = TenantService(dependencies: dependencies)
        let tenantID = try await tenants.create(name: "Shop").tenantID
        let otherID = try await tenants.create(name: "Other").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        try await shop(pipeline, tenantID: tenantID, customers: 300)
        try await shop(pipeline, tenantID: otherID, customers: 30)
        let service = InsightsService(dependencies: dependencies, tenantID: tenantID)

        // Given the whole tenant scored at once…
        let whole = try await service.insights(at: now, locale: .english)
        #expect(whole.customers.count == 300)
        #expect(whole.customers.contains { $0.lifetime?.method == .model }, "the fit must be the model's, not the fallback")

        // …when it is streamed seven contacts a page, every customer has the same scores, to the last bit.
        var streamed: [String: CustomerInsights.CustomerScores] = [:]
        var recommendations: [Recommendation] = []
        var pages = 0
        let warnings = try await service.streamInsights(at: now, locale: .english, pageSize: 7) { page, found in
            pages += 1
            for customer in page { streamed[customer.contactID] = customer }
            recommendations += found
        }
        #expect(pages > 30)
        #expect(warnings == whole.lifetimeWarnings)
        #expect(streamed.count == whole.customers.count)
        for customer in whole.customers {
            let other = try #require(streamed[customer.contactID])
            #expect(other.rfm == customer.rfm)
            #expect(other.segment == customer.segment)
            #expect(other.churn.score == customer.churn.score)
            #expect(other.churn.band == customer.churn.band)
            #expect(other.lifetime?.clv == customer.lifetime?.clv)
            #expect(other.lifetime?.probabilityAlive == customer.lifetime?.probabilityAlive)
            #expect(other.lifetime?.expectedNextOrderDate == customer.lifetime?.expectedNextOrderDate)
        }
        let pairs = { (list: [Recommendation]) in Set(list.map { "\($0.contactID) \($0.rule.rawValue) \($0.priority.rawValue)" }) }
        #expect(pairs(recommendations) == pairs(whole.recommendations))

        // The nightly rescore, streamed too, stores those scores on the contacts of this tenant only.
        let (scored, _) = try await service.rescore(at: now, pageSize: 7)
        #expect(scored == 300)
        let rows = try await store.database.read([
            SQLStatement("SELECT id, churn_score, clv, rfm_r, rfm_f, rfm_m FROM contacts WHERE tenant_id = ? AND churn_score IS NOT NULL", [.text(tenantID)])
        ])[0]
        #expect(rows.count == 300)
        let byID = Dictionary(uniqueKeysWithValues: whole.customers.map { ($0.contactID, $0) })
        for row in rows {
            let customer = try #require(byID[row.text(0) ?? ""])
            #expect(row.double(1) == customer.churn.score)
            #expect(row.double(2) == customer.lifetime?.clv)
            #expect(row.int(3).map(Int.init) == customer.rfm.recency)
            #expect(row.int(4).map(Int.init) == customer.rfm.frequency)
            #expect(row.int(5).map(Int.init) == customer.rfm.monetary)
        }
        let others = try await store.database.read([
            SQLStatement("SELECT COUNT(*) FROM contacts WHERE tenant_id = ? AND churn_score IS NOT NULL", [.text(otherID)])
        ])[0].first?.int(0)
        #expect(others == 0)
    }
}
