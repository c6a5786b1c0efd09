import AutopilotCore
import Engine
import Foundation
import Storage

/// A person with something in most tables: events with personal properties, an order with its lines, a cart, a
/// conversation with a transcript, a task, a voice call, a wishlist item, an outbox message.
enum PrivacyFixtures {
    static let email = "ana.martin@shop.example"
    static let phone = "+33612345678"

    static func person(_ shop: TestShop) async throws -> String {
        let contact: JSONValue = ["email": .string(email), "phone": .string(phone)]
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T09:00:00Z", key: "p-c1", contact: contact,
                properties: [
                    "first_name": "Ana", "last_name": "Martin", "consents": ["email": true, "source": "checkout"],
                    "note": "met at the fair, ana.martin@shop.example",
                ]),
            Fixtures.envelope(
                "cart.updated", at: "2026-03-01T09:30:00Z", key: "p-cart", contact: contact,
                properties: [
                    "cart_id": "cart-9", "value": 48.0, "currency": "EUR", "checkout_url": "https://shop.example/checkout/secret-token",
                    "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]],
                ]),
            Fixtures.envelope(
                "order.placed", at: "2026-03-01T10:00:00Z", key: "p-o1", contact: contact,
                properties: [
                    "order_id": "1001", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "total": 48.0, "currency": "EUR",
                    "shipping_address": ["address1": "1 rue de la Paix", "city": "Paris", "zip": "75002", "country": "FR"],
                    "note": "ring twice, ask for Ana",
                ]),
        ])
        let rows = try await shop.store.database.read([
            SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = ?", [.text(shop.tenantID), .text(email)])
        ])
        let id = rows[0].first?.text(0) ?? ""
        let t = SQLValue.text(shop.tenantID)
        let c = SQLValue.text(id)
        let now = SQLValue.date(shop.clock.now())
        try await shop.store.database.transaction(lock: nil, reads: []) { _ in
            let writes: [SQLWrite] = [
                .statement(SQLStatement(
                    """
                    INSERT INTO conversations (id, tenant_id, visitor_id, contact_id, language, state, status, last_seq, created_at, updated_at)
                    VALUES ('cv_1', ?, 'visitor-1', ?, 'fr', '{"visitor_name": "Ana Martin"}', 'open', 1, ?, ?)
                    """, [t, c, now, now])),
                .statement(SQLStatement(
                    """
                    INSERT INTO conversation_messages (id, conversation_id, seq, tenant_id, role, text, created_at)
                    VALUES ('cm_1', 'cv_1', 1, ?, 'visitor', 'Je suis Ana, mon numéro est le 06 12 34 56 78', ?)
                    """, [t, now])),
                .statement(SQLStatement(
                    """
                    INSERT INTO tasks (id, tenant_id, idempotency_key, kind, status, contact_id, contact_name, contact_email, contact_phone,
                    subject, details, created_by, created_at, updated_at)
                    VALUES ('tk_1', ?, 'task-1', 'support_ticket', 'open', ?, 'Ana Martin', ?, ?, 'Call Ana back', 'about her order', 'agent', ?, ?)
                    """, [t, c, .text(email), .text(phone), now, now])),
                .statement(SQLStatement(
                    """
                    INSERT INTO voice_calls (tenant_id, call_id, contact_id, phone, direction, language, status, started_at, duration_seconds,
                    cost_usd, transcript, summary) VALUES (?, 'CA1', ?, ?, 'inbound', 'fr', 'completed', ?, 60, 0.1, 'Bonjour, Ana Martin…', 'Ana asks')
                    """, [t, c, .text(phone), now])),
                .statement(SQLStatement("INSERT INTO wishlist_items (tenant_id, contact_id, sku, added_at) VALUES (?, ?, 'TEA-02', ?)", [t, c, now])),
            ]
            return (writes, ())
        }
        let created = shop.clock.now()
        try await shop.store.recordDispatch([
            OutboxRecord(
                id: "ob_sent", tenantID: shop.tenantID, idempotencyKey: "k-sent", contactID: id, runID: nil, flowID: "welcome", step: "steps[0]",
                channel: .email, template: "welcome", purpose: .marketing, status: .sent, scheduledAt: created, nextAttemptAt: nil,
                recipient: email, subject: "Bienvenue Ana", body: "Bonjour Ana…", sentAt: created, createdAt: created, updatedAt: created),
            OutboxRecord(
                id: "ob_queued", tenantID: shop.tenantID, idempotencyKey: "k-queued", contactID: id, runID: nil, flowID: "welcome",
                step: "steps[1]", channel: .email, template: "welcome", purpose: .marketing, status: .queued, scheduledAt: created,
                nextAttemptAt: created.addingTimeInterval(86_400), createdAt: created, updatedAt: created),
        ])
        return id
    }

    /// Every text of the tenant's rows in the tables of `ContactDataMap`, as one string (to look for personal data).
    static func everything(_ store: SQLStore, tenantID: String, contactID: String) async throws -> String {
        var text = ""
        for table in ContactDataMap.tables {
            var cursor: ContactRowCursor?
            repeat {
                let page = try await store.contactRows(table, contactID: contactID, tenantID: tenantID, after: cursor, limit: 100)
                text += page.rows.map { JSONValue.object($0).jsonString }.joined(separator: "\n")
                cursor = page.next
            } while cursor != nil
        }
        return text
    }
}
