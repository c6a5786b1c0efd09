import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Export and erasure of a person (docs/privacy.md), on SQLite always and on PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set.
@Suite struct ContactPrivacyTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    @Test func everyTableWithAContactColumnIsExportedAndErased() async throws {
        try await TestDatabases.withSQLite { try await Self.coverage($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func everyTableWithAContactColumnIsExportedAndErasedOnPostgres() async throws {
        try await TestDatabases.withPostgres { try await Self.coverage($0) }
    }

    /// The migrated schema's tables with a `contact_id` (or `…_contact_id`) column must all be in `ContactDataMap`, and each
    /// entry's columns must exist: a table added later without an entry fails here.
    static func coverage(_ store: SQLStore) async throws {
        let tables: [String]
        if store.database.dialect == .sqlite {
            tables = try await store.database.read([SQLStatement("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")])[0]
                .compactMap { $0.text(0) }
        } else {
            tables = try await store.database.read([
                SQLStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")
            ])[0].compactMap { $0.text(0) }
        }
        var withContact: [String: [String]] = [:]
        for table in tables {
            let columns = try await store.columnNames(of: table)
            let linked = columns.filter { $0 == "contact_id" || $0.hasSuffix("_contact_id") }
            if !linked.isEmpty { withContact[table] = linked }
        }
        #expect(withContact.count >= 15)
        for (table, columns) in withContact.sorted(by: { $0.key < $1.key }) {
            let entry = ContactDataMap.table(table)
            #expect(entry != nil, "table \(table) has \(columns) but is not in ContactDataMap: say how it is exported and erased")
            if let entry { #expect(Set(columns).isSubset(of: Set(entry.contactColumns)), "\(table): \(columns) not all used by ContactDataMap") }
        }
        #expect(ContactDataMap.table("contacts") != nil)
        for entry in ContactDataMap.tables {
            let columns = try await store.columnNames(of: entry.name)
            #expect(!columns.isEmpty, "ContactDataMap names \(entry.name), which the schema does not have")
            #expect(Set(entry.order + entry.scrubbed).isSubset(of: Set(columns)), "\(entry.name): unknown columns")
            // Every filter and paging query runs.
            _ = try await store.contactRows(entry, contactID: "ct_none", tenantID: "tn_none", after: nil, limit: 2)
        }
        let sections = ContactDataMap.tables.map(\.section)
        #expect(Set(sections).count == sections.count)
    }

    static func contract(_ store: SQLStore) async throws {
        let shop = try await TestShop.make(store: store, at: Fixtures.now)
        let other = try await TenantService(dependencies: shop.dependencies).create(name: "other").tenantID
        let ana = try await PrivacyFixtures.person(shop)
        // Another contact with an address in common with nobody: untouched by Ana's erasure.
        try await shop.ingest([Fixtures.envelope("contact.created", key: "bob", contact: ["email": "bob@shop.example"], properties: [:])])

        // Export: one document with every table; pages of 2 rows read every event.
        let exporter = ContactExporter(dependencies: shop.dependencies, tenantID: shop.tenantID, pageSize: 2)
        let document = try await exporter.document(contactID: ana)
        #expect(document["format"] == "autopilot.contact-export")
        #expect(document["version"] == 1)
        #expect(document["contact_id"]?.stringValue == ana)
        #expect(document["profile"]?["email"]?.stringValue == PrivacyFixtures.email)
        #expect(document["profile"]?["first_name"]?.stringValue == "Ana")
        let tables = try #require(document["tables"])
        for table in ContactDataMap.tables where table.name != "contacts" {
            #expect(tables[table.section]?.arrayValue != nil, "export lacks \(table.section)")
        }
        #expect(tables["events"]?.arrayValue?.count == 3)
        #expect(tables["events"]?.arrayValue?.compactMap { $0["seq"]?.intValue } == tables["events"]?.arrayValue?.compactMap { $0["seq"]?.intValue }.sorted())
        #expect(tables["orders"]?.arrayValue?.first?["total"] == 48)
        #expect(tables["order_lines"]?.arrayValue?.count == 1)
        #expect(tables["carts"]?.arrayValue?.count == 1)
        #expect(tables["conversation_messages"]?.arrayValue?.first?["text"]?.stringValue?.contains("Ana") == true)
        #expect(tables["conversations"]?.arrayValue?.first?["state"]?["visitor_name"] == "Ana Martin")
        #expect(tables["tasks"]?.arrayValue?.count == 1)
        #expect(tables["voice_calls"]?.arrayValue?.count == 1)
        #expect(tables["wishlist_items"]?.arrayValue?.count == 1)
        #expect(tables["outbox"]?.arrayValue?.count == 2)
        #expect(tables["erasure"]?.arrayValue?.isEmpty == true)
        #expect(document["consents"]?["email"]?["granted"] == true)
        #expect(document["consents"]?["history"]?.arrayValue?.count == 1)
        #expect(tables["events"]?.arrayValue?.first?["occurred_at"] == "2026-03-01T09:00:00Z")
        // Tenants never meet.
        #expect(try await !ContactExporter(dependencies: shop.dependencies, tenantID: other).exists(contactID: ana))
        #expect(try await ContactEraser(dependencies: shop.dependencies, tenantID: other).erase(contactID: ana, requestedBy: "test") == nil)
        #expect(try await exporter.exists(contactID: ana))

        // A failure at the erasure's last write (the audit row) leaves nothing half-erased.
        let before = try await PrivacyFixtures.everything(store, tenantID: shop.tenantID, contactID: ana)
        if store.database.dialect == .sqlite {
            try await store.database.executeScript([
                "CREATE TRIGGER crash_audit BEFORE INSERT ON erasure_audit BEGIN SELECT RAISE(ABORT, 'simulated crash'); END"
            ])
        } else {
            try await store.database.executeScript([
                "CREATE FUNCTION crash_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated crash'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER crash_audit BEFORE INSERT ON erasure_audit FOR EACH ROW EXECUTE FUNCTION crash_audit()",
            ])
        }
        await #expect(throws: (any Error).self) {
            try await ContactEraser(dependencies: shop.dependencies, tenantID: shop.tenantID).erase(contactID: ana, requestedBy: "crash")
        }
        try await store.database.executeScript([
            store.database.dialect == .sqlite ? "DROP TRIGGER crash_audit" : "DROP TRIGGER crash_audit ON erasure_audit"
        ])
        #expect(try await PrivacyFixtures.everything(store, tenantID: shop.tenantID, contactID: ana) == before)
        #expect(try await store.database.read([SQLStatement("SELECT count(*) FROM suppressions")])[0].first?.int(0) == 0)

        // Erasure.
        shop.clock.advance(by: 60)
        let eraser = ContactEraser(dependencies: shop.dependencies, tenantID: shop.tenantID)
        let receipt = try #require(try await eraser.erase(contactID: ana, requestedBy: "api_key:ap_test"))
        #expect(receipt.contactID == ana && receipt.requestedBy == "api_key:ap_test" && receipt.erasedAt == shop.clock.now())
        #expect(receipt.counts["events"] == 3)
        #expect(receipt.counts["conversation_messages"] == 1)
        #expect(receipt.counts["suppressed"] == 2)
        #expect((receipt.counts["fields_scrubbed"] ?? 0) >= 5)
        let left = try await PrivacyFixtures.everything(store, tenantID: shop.tenantID, contactID: ana)
        for personal in ["ana.martin", "Ana", "Martin", "612345678", "rue de la Paix", "Paris", "75002", "ring twice", "secret-token", "Bienvenue"] {
            #expect(!left.contains(personal), "\(personal) is still held after erasure")
        }
        // Aggregates kept: the order's total and lines, the contact's totals, the message rows and their statuses.
        let after = try await ContactExporter(dependencies: shop.dependencies, tenantID: shop.tenantID).document(contactID: ana)
        #expect(after["profile"]?["orders_count"] == 1)
        #expect(after["profile"]?["total_spent"] == 48)
        #expect(after["profile"]?["erased_at"]?.stringValue != nil)
        #expect(after["profile"]?["consent_email"] == 0)
        #expect(after["tables"]?["orders"]?.arrayValue?.first?["total"] == 48)
        #expect(after["tables"]?["order_lines"]?.arrayValue?.count == 1)
        #expect(after["tables"]?["events"]?.arrayValue?.count == 3)
        let order = try #require(after["tables"]?["events"]?.arrayValue?.first { $0["type"] == "order.placed" })
        #expect(order["properties"]?["total"] == 48)
        #expect(order["properties"]?["shipping_address"]?["country"] == "FR")
        #expect(order["properties"]?["shipping_address"]?["city"] == nil)
        let outbox = after["tables"]?["outbox"]?.arrayValue ?? []
        #expect(outbox.count == 2)
        #expect(outbox.first { $0["id"] == "ob_sent" }?["status"] == "sent")
        #expect(outbox.first { $0["id"] == "ob_queued" }?["status"] == "skipped")
        #expect(outbox.first { $0["id"] == "ob_queued" }?["blocked_reason"] == "erased")
        #expect(after["tables"]?["conversation_messages"]?.arrayValue?.isEmpty == true)
        #expect(after["tables"]?["wishlist_items"]?.arrayValue?.isEmpty == true)
        #expect(after["tables"]?["conversations"]?.arrayValue?.count == 1)
        let audit = try #require(after["tables"]?["erasure"]?.arrayValue?.first)
        #expect(audit["requested_by"] == "api_key:ap_test")
        #expect(audit["counts"]?["events"] == 3)
        #expect(!audit.jsonString.lowercased().contains("ana"))

        // Idempotent: the same receipt, nothing changes.
        shop.clock.advance(by: 60)
        let again = try await eraser.erase(contactID: ana, requestedBy: "api_key:ap_other")
        #expect(again == receipt)
        #expect(try await PrivacyFixtures.everything(store, tenantID: shop.tenantID, contactID: ana) == left)

        // Bob is untouched.
        let bob = try #require(try await store.database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = 'bob@shop.example'", [.text(shop.tenantID)])
        ])[0].first?.text(0))
        #expect(try await ContactEraser(dependencies: shop.dependencies, tenantID: shop.tenantID).erase(contactID: "ct_nobody", requestedBy: "t") == nil)
        let suppressed = try await store.database.read([SQLStatement("SELECT address_hash, kind FROM suppressions WHERE tenant_id = ?", [.text(shop.tenantID)])])[0]
        #expect(suppressed.count == 2)
        #expect(suppressed.allSatisfy { ($0.text(0) ?? "").count == 64 && !($0.text(0) ?? "").contains("ana") })

        // Re-imported by the shop: a new contact with the same address is never sent anything; Bob still is.
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-05T09:00:00Z", key: "again", contact: ["email": .string(PrivacyFixtures.email)],
                properties: ["consents": ["email": true]])
        ])
        let back = try #require(try await store.database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = ?", [.text(shop.tenantID), .text(PrivacyFixtures.email)])
        ])[0].first?.text(0))
        #expect(back != ana)
        let now = shop.clock.now()
        func queued(_ id: String, to contact: String) -> OutboxRecord {
            OutboxRecord(
                id: id, tenantID: shop.tenantID, idempotencyKey: "k-" + id, contactID: contact, runID: nil, flowID: nil, step: nil, channel: .email,
                template: "welcome", purpose: .transactional, status: .queued, scheduledAt: now, nextAttemptAt: now, createdAt: now, updatedAt: now)
        }
        try await store.recordDispatch([queued("ob_back", to: back), queued("ob_bob", to: bob)])
        _ = try await TestWorker.make(shop.dependencies).dispatcher.dispatchBatch(now: now)
        let statuses = try await store.database.read([
            SQLStatement("SELECT id, status, blocked_reason FROM outbox WHERE id IN ('ob_back', 'ob_bob') ORDER BY id")
        ])[0]
        #expect(statuses.first?.text(1) == "skipped" && statuses.first?.text(2) == "erased")
        #expect(statuses.last?.text(0) == "ob_bob" && statuses.last?.text(2) != "erased")
    }
}
