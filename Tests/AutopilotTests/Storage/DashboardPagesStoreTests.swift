import AutopilotCore
import Engine
import Foundation
@testable import Storage
import Testing

/// The leads and customers pages' queries, on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct DashboardPagesStoreTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func event(_ type: String, _ at: String, _ key: String, _ email: String, _ properties: JSONValue) -> JSONValue {
        [
            "type": .string(type), "occurred_at": .string(at), "idempotency_key": .string(key), "contact": ["email": .string(email)],
            "properties": properties,
        ]
    }

    static func order(_ id: String, _ at: String, _ email: String, _ total: Double) -> JSONValue {
        event(
            "order.placed", at, "order-" + id, email,
            ["order_id": .string(id), "lines": [["sku": "TEA", "quantity": 1, "price": .double(total)]], "total": .double(total), "currency": "EUR"])
    }

    /// A lead's last contact is its last message sent or its last reply, whichever is later; replies are read from an
    /// index that holds only replied messages (migration 48), and another shop's messages to the same address do not count.
    static func lastContactCountsReplies(_ store: SQLStore, pipeline: IngestPipeline, shop: String, other: String) async throws {
        func message(_ type: String, _ at: String, _ id: String, _ email: String) -> JSONValue {
            event(type, at, type + id, email, ["message_id": .string(id), "channel": "email", "text": "Oui, appelez-moi"])
        }
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    message("message.sent", "2026-03-03T09:00:00Z", "m-hot", "camille@durand.example"),
                    message("message.replied", "2026-03-04T15:30:00Z", "m-hot", "camille@durand.example"),
                    message("message.sent", "2026-03-05T09:00:00Z", "m-cold", "curious@lab.example"),
                ]
            ], tenantID: shop)
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    message("message.sent", "2026-03-08T09:00:00Z", "m-other", "camille@durand.example"),
                    message("message.replied", "2026-03-09T09:00:00Z", "m-other", "camille@durand.example"),
                ]
            ], tenantID: other)
        let rows = try await store.leadList(LeadListQuery(), tenantID: shop).rows
        #expect(rows.map(\.company) == ["Thés Durand", "50% Lab"])
        #expect(rows.map(\.lastContactAt) == [Timestamp.parse("2026-03-04T15:30:00Z"), Timestamp.parse("2026-03-05T09:00:00Z")])
        let query = "SELECT \(SQLStore.leadRowColumns) FROM leads l JOIN contacts c ON c.id = l.contact_id WHERE l.tenant_id = ?"
        if store.database.dialect == .sqlite {
            let plan = try await store.database.read([SQLStatement("EXPLAIN QUERY PLAN " + query, [.text(shop)])])[0].compactMap { $0.text(3) }
            #expect(plan.contains { $0.contains("USING COVERING INDEX messages_contact_replied") }, "\(plan)")
        } else {
            // Tables this small are scanned; without scans the planner shows which index it can use. (PostgreSQL turns
            // `MAX` into an ordered read that skips nulls, so it can use the partial index with or without the clause.)
            let plan = try await store.database.read([
                SQLStatement("SET LOCAL enable_seqscan = off"), SQLStatement("EXPLAIN " + query, [.text(shop)]),
            ])[1].compactMap { $0.text(0) }
            #expect(plan.contains { $0.contains("messages_contact_replied") }, "\(plan)")
        }
    }

    static func contract(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock)
        let shop = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let other = try await TenantService(dependencies: dependencies).create(name: "other").tenantID
        let pipeline = IngestPipeline(dependencies: dependencies)
        let events: [JSONValue] = [
            event(
                "lead.created", "2026-03-01T09:00:00Z", "lead-hot", "camille@durand.example",
                [
                    "lead_id": "L1", "company": "Thés Durand", "source": "webform",
                    "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine.",
                ]),
            event(
                "lead.created", "2026-03-02T09:00:00Z", "lead-cold", "curious@lab.example",
                ["lead_id": "L2", "company": "50% Lab", "message": "Just looking."]),
            order("1", "2025-06-01T10:00:00Z", "ana@a.example", 40), order("2", "2025-12-01T10:00:00Z", "ana@a.example", 60),
            order("3", "2026-03-01T10:00:00Z", "ana@a.example", 80), order("4", "2025-04-01T10:00:00Z", "bob@a.example", 20),
        ]
        _ = try await pipeline.ingest(document: ["events": .array(events)], tenantID: shop)
        _ = try await pipeline.ingest(
            document: ["events": [event("lead.created", "2026-03-01T09:00:00Z", "lead-b", "b@b.example", ["lead_id": "LB", "company": "Durand B"])]],
            tenantID: other)

        let all = try await store.leadList(LeadListQuery(), tenantID: shop)
        #expect(all.total == 2 && all.rows.map(\.company) == ["Thés Durand", "50% Lab"], "best score first, only this shop's")
        #expect(all.rows[0].tier == "hot" && all.rows[0].status == .open && all.rows[0].lastContactAt == nil)
        #expect(try await store.leadList(LeadListQuery(search: "DURAND"), tenantID: shop).rows.map(\.company) == ["Thés Durand"])
        #expect(try await store.leadList(LeadListQuery(search: "camille@"), tenantID: shop).total == 1)
        #expect(try await store.leadList(LeadListQuery(search: "0%"), tenantID: shop).rows.map(\.company) == ["50% Lab"], "% is a letter")
        #expect(try await store.leadList(LeadListQuery(search: "_"), tenantID: shop).total == 0, "_ is a letter")
        #expect(try await store.leadList(LeadListQuery(tier: "hot"), tenantID: shop).total == 1)
        #expect(try await store.leadList(LeadListQuery(source: "webform"), tenantID: shop).rows.map(\.company) == ["Thés Durand"])
        let second = try await store.leadList(LeadListQuery(page: 2, pageSize: 1), tenantID: shop)
        #expect(second.total == 2 && second.rows.map(\.company) == ["50% Lab"])
        #expect(try await store.leadSources(tenantID: shop) == ["webform"])

        try await lastContactCountsReplies(store, pipeline: pipeline, shop: shop, other: other)

        let hot = all.rows[0]
        #expect(try await store.leadFile(id: hot.id, tenantID: other) == nil)
        let note = { (id: String, text: String, minute: Double) in
            LeadNote(
                id: id, leadID: hot.id, authorID: "u1", authorEmail: "editor@a.example", text: text,
                createdAt: Fixtures.now.addingTimeInterval(minute * 60))
        }
        #expect(try await store.addLeadNote(note("n1", "first", 1), tenantID: shop))
        #expect(try await store.addLeadNote(note("n2", "second", 2), tenantID: shop))
        #expect(try await store.addLeadNote(note("n3", "theirs", 3), tenantID: other) == false)
        #expect(try await store.setLeadStatus(leadID: hot.id, status: .won, at: Fixtures.now, by: "editor@a.example", tenantID: shop))
        #expect(try await store.setLeadStatus(leadID: hot.id, status: .lost, at: Fixtures.now, by: "x", tenantID: other) == false)
        let stored = StoredLeadQualification(score: 55, tier: "warm", json: "{}", qualifiedBy: "rules", qualifiedAt: Fixtures.now)
        #expect(try await store.saveLeadQualification(stored, leadID: hot.id, tenantID: shop))
        let file = try #require(try await store.leadFile(id: hot.id, tenantID: shop))
        #expect(file.notes.map(\.text) == ["second", "first"])
        #expect(file.row.status == .won && file.statusBy == "editor@a.example" && file.row.score == 55 && file.qualification == stored)
        #expect(file.message?.contains("900€") == true)

        _ = try await InsightsService(dependencies: dependencies, tenantID: shop).rescore()
        let grid = try await store.rfmGrid(tenantID: shop)
        #expect(grid.reduce(0) { $0 + $1.customers } == 2 && grid.reduce(0) { $0 + $1.revenue } == 200)
        #expect(grid.allSatisfy { (1...5).contains($0.recency) && (1...5).contains($0.frequency) })
        #expect(try await store.rfmGrid(tenantID: other).isEmpty)
        #expect(try await store.contactsWithoutOrders(tenantID: shop) == 2, "the two leads never ordered")
        #expect(try await store.churnBandCounts(tenantID: shop).values.reduce(0, +) == 2)
        #expect(try await store.orderCurrency(tenantID: shop) == "EUR")
        let ana = try #require(try await store.contactID(email: "ana@a.example", tenantID: shop))
        let scores = try #require(try await store.customerScores(contactID: ana, tenantID: shop))
        #expect(scores.recency != nil && scores.frequency != nil && scores.monetary != nil && scores.rfmSegment != nil && scores.ordersCount == 3)
        #expect(try await store.customerScores(contactID: ana, tenantID: other) == nil)
        let top = try await store.topCustomersByValue(tenantID: shop, limit: 10)
        #expect(top.allSatisfy { $0.clv != nil })
        #expect(zip(top, top.dropFirst()).allSatisfy { ($0.clv ?? 0) >= ($1.clv ?? 0) })
        #expect(try await store.contactLeads(contactID: hot.contactID, tenantID: shop).map(\.id) == [hot.id])
    }
}
