import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Migration 42 converts the events of a database at migration 41 in place: every event reads back the same, idempotency
/// keys still refuse duplicates, new events come after the old ones, and the tenants stay apart.
@Suite("Storage — migration 42, the compact events table")
struct CompactEventsMigrationTests {
    @Test func sqlite() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await Self.upgradesInPlace(store)
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres(migrated: false) { try await Self.upgradesInPlace($0) }
    }

    static let properties = [
        #"{"message_id":"m-1","channel":"email","template":"welcome","provider":"brevo","kind":"marketing"}"#,
        #"{"cart_id":"K1","lines":[{"sku":"TEA-01","quantity":2,"price":24.0}],"value":48.0,"currency":"EUR","checkout_url":"https://s.example/c?a=1&b='x'"}"#,
        #"{"text":"l'\"order_id\": n'est pas une clé ici","rating":4,"has_photo":false}"#,
        #"{"consents":{"email":true,"sms":false},"first_name":"Amina"}"#,
    ]

    static func upgradesInPlace(_ store: SQLStore) async throws {
        // Given a database at migration 41 with the events as that version wrote them, for two tenants.
        try await store.database.executeScript([
            "CREATE TABLE schema_migrations (version BIGINT PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)"
        ])
        for migration in Migrations.all where migration.version <= 41 {
            try await store.database.executeScript(
                migration.statements(for: store.database.dialect)
                    + ["INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(migration.version), '\(migration.name)', 0)"])
        }
        let types = ["message.sent", "cart.updated", "review.submitted", "contact.updated"]
        var script = [
            "INSERT INTO tenants (id, name, created_at) VALUES ('tn_b', 'B', 2)",
            "INSERT INTO tenants (id, name, created_at) VALUES ('tn_a', 'A', 1)",
            "INSERT INTO contacts (id, tenant_id, email, created_at, updated_at) VALUES ('ct_a', 'tn_a', 'a@shop.example', 0, 0)",
            "INSERT INTO contacts (id, tenant_id, email, created_at, updated_at) VALUES ('ct_b', 'tn_b', 'b@shop.example', 0, 0)",
        ]
        for (index, json) in properties.enumerated() {
            for tenant in ["a", "b"] {
                script.append(
                    """
                    INSERT INTO events (tenant_id, id, type, occurred_at, received_at, idempotency_key, contact_id, properties)
                    VALUES ('tn_\(tenant)', 'ev_\(tenant)\(index)', '\(types[index])', \(1_000 + index), 5000, 'key-\(index)', 'ct_\(tenant)',
                    '\(json.replacingOccurrences(of: "'", with: "''"))')
                    """)
            }
        }
        try await store.database.executeScript(script)

        // When the store migrates.
        #expect(try await store.migrate(now: Fixtures.now) == Migrations.all.map(\.version).filter { $0 > 41 }.sorted())

        // Then each tenant reads back its own events, the same ones, newest first.
        for tenant in ["a", "b"] {
            let page = try await store.events(EventQuery(), tenantID: "tn_\(tenant)")
            #expect(page.events.map(\.id) == (0..<properties.count).reversed().map { "ev_\(tenant)\($0)" })
            for event in page.events {
                let index = Int(event.id.dropFirst(4)) ?? -1
                #expect(event.type == types[index] && event.idempotencyKey == "key-\(index)" && event.contactID == "ct_\(tenant)")
                #expect(event.properties == (try JSONParser.parse(properties[index])))
            }
            let reviews = try await store.events(EventQuery(type: .reviewSubmitted), tenantID: "tn_\(tenant)")
            #expect(reviews.events.map(\.id) == ["ev_\(tenant)2"])
            let ofContact = try await store.events(EventQuery(contactID: "ct_\(tenant)"), tenantID: "tn_\(tenant)")
            #expect(ofContact.events.count == properties.count)
        }
        #expect(try await store.events(EventQuery(contactID: "ct_b"), tenantID: "tn_a").events.isEmpty)
        // The properties are stored shorter than the JSON.
        let stored = try await store.database.read([SQLStatement("SELECT properties FROM events WHERE id = 'ev_a0'")])[0].first?.text(0)
        #expect((stored?.utf8.count ?? .max) < properties[0].utf8.count)

        // And ingestion goes on: a known key is a duplicate, a new event is the newest.
        let again = try EventValidator().validate(
            Fixtures.envelope("contact.updated", key: "key-3", contact: ["email": "a@shop.example"]), now: Fixtures.now)
        let fresh = try EventValidator().validate(
            Fixtures.envelope("wishlist.added", key: "key-new", contact: ["email": "a@shop.example"], properties: ["sku": "TEA-01"]),
            now: Fixtures.now)
        let result = try await store.recordEvents([again, fresh], tenantID: "tn_a", receivedAt: Fixtures.now, ids: RandomIDGenerator())
        #expect(result.duplicates.map(\.id) == ["ev_a3"] && result.accepted.count == 1)
        let newest = try await store.events(EventQuery(limit: 1), tenantID: "tn_a").events.first
        #expect(newest?.id == result.accepted.first?.id && newest?.properties == ["sku": "TEA-01"] && newest?.contactID == "ct_a")
        #expect(try await store.events(EventQuery(), tenantID: "tn_b").events.count == properties.count)
    }

    /// The reads that run on every worker pass and on the dashboard use an index, not a scan of the table.
    @Test func theEventReadsUseTheirIndexes() async throws {
        try await TestDatabases.withSQLite { store in
            let tenant = "tenant_key = (SELECT tenant_key FROM tenant_keys WHERE tenant_id = 't')"
            let plans: [(String, String)] = [
                ("SELECT * FROM events WHERE \(tenant) AND seq > 5 ORDER BY seq LIMIT 100", "events_tenant"),
                ("SELECT MAX(seq) FROM events WHERE \(tenant)", "events_tenant"),
                ("SELECT * FROM events WHERE \(tenant) AND contact_id = 'c' ORDER BY seq DESC LIMIT 20", "events_contact"),
                ("SELECT idempotency_key, id FROM events WHERE \(tenant) AND idempotency_key IN ('a', 'b')", "events_idempotency"),
                ("SELECT count(*) FROM events WHERE \(tenant) AND type = 'contact.unsubscribed' AND occurred_at >= 1", "events_rare_type"),
                ("SELECT contact_id FROM events WHERE \(tenant) AND type = 'support.ticket_created' AND contact_id IS NOT NULL", "events_rare_type"),
                ("SELECT * FROM events WHERE \(tenant) AND type = 'message.replied' ORDER BY seq DESC LIMIT 51", "events_rare_type"),
            ]
            for (sql, index) in plans {
                let plan = try await store.database.read([SQLStatement("EXPLAIN QUERY PLAN " + sql)])[0].compactMap { $0.text(3) }
                let events = plan.filter { $0.contains("events") && !$0.contains("tenant_keys") }
                #expect(events.allSatisfy { $0.contains("USING") && $0.contains(index) } && !events.isEmpty, "\(sql): \(plan)")
                #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(sql): \(plan)")
            }
        }
    }
}
