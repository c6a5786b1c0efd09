import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// `send_time: optimal` through the real worker: a contact who opens at 18:00 Paris gets the flow's email at 18:00 Paris,
/// not when the step ran; one with no history gets it at once.
@Suite("Send-time optimisation at dispatch")
struct SendTimeDispatchTests {
    static let flow = """
        id: thank-you-later
        name: Thank you, later
        trigger: { event: order.placed }
        steps:
          - send: { channel: email, template: win-back-1, send_time: optimal }
        """

    @Test func theMessageWaitsForTheContactsBestHour() async throws {
        let shop = try await TestShop.make(at: Fixtures.now)
        _ = try await FlowAdministration(dependencies: shop.dependencies, tenantID: shop.tenantID).install(document: Self.flow)
        var events: [JSONValue] = [
            Fixtures.envelope(
                "contact.created", at: "2026-02-01T10:00:00Z", key: "ana", contact: ["email": "ana@a.example"],
                properties: ["timezone": "Europe/Paris", "consents": ["email": true]]),
            Fixtures.envelope(
                "contact.created", at: "2026-02-01T10:00:00Z", key: "bob", contact: ["email": "bob@a.example"],
                properties: ["timezone": "Europe/Paris", "consents": ["email": true]]),
        ]
        // Ana opened five emails around 18:00 Paris (17:00 UTC in winter).
        for day in 1...5 {
            let id = "old-\(day)"
            events.append(
                Fixtures.envelope(
                    "message.sent", at: "2026-02-0\(day)T08:00:00Z", key: "sent-\(day)", contact: ["email": "ana@a.example"],
                    properties: ["message_id": .string(id), "channel": "email"]))
            events.append(
                Fixtures.envelope(
                    "message.opened", at: "2026-02-0\(day)T17:\(10 + day):00Z", key: "open-\(day)", contact: ["email": "ana@a.example"],
                    properties: ["message_id": .string(id), "channel": "email"]))
        }
        for (index, email) in ["ana@a.example", "bob@a.example"].enumerated() {
            events.append(
                Fixtures.envelope(
                    "order.placed", at: "2026-03-10T11:50:00Z", key: "order-\(index)", contact: ["email": .string(email)],
                    properties: ["order_id": .string("O\(index)"), "lines": [["sku": "TEA", "quantity": 1, "price": 20.0]], "total": 20.0, "currency": "EUR"]))
        }
        try await shop.ingest(events)
        let worker = try TestWorker.make(shop.dependencies)
        try await worker.runDue(now: shop.clock.now())

        let sql = """
            SELECT c.email, x.status, x.next_attempt_at, x.blocked_reason, x.options FROM outbox x JOIN contacts c ON c.id = x.contact_id
            WHERE x.tenant_id = ? AND x.flow_id = 'thank-you-later'
            """
        var rows = try await shop.store.database.read([SQLStatement(sql, [.text(shop.tenantID)])])[0]
        var byEmail = Dictionary(uniqueKeysWithValues: rows.map { ($0.text(0) ?? "", $0) })
        let ana = try #require(byEmail["ana@a.example"])
        #expect(ana.text(1) == "blocked" && ana.text(3) == "send_time")
        #expect(ana.date(2) == Timestamp.parse("2026-03-10T17:00:00Z"))
        #expect(MessageOptions(json: ana.text(4) ?? "{}").sendTimePlaced == "contact:18")
        // Bob has no history and the shop too little: his goes at once.
        let bob = try #require(byEmail["bob@a.example"])
        #expect(bob.text(1) == "sent")
        #expect(MessageOptions(json: bob.text(4) ?? "{}").sendTimePlaced == "none")

        shop.clock.set(Timestamp.parse("2026-03-10T17:00:30Z")!)
        try await worker.runDue(now: shop.clock.now())
        rows = try await shop.store.database.read([SQLStatement(sql, [.text(shop.tenantID)])])[0]
        byEmail = Dictionary(uniqueKeysWithValues: rows.map { ($0.text(0) ?? "", $0) })
        #expect(byEmail["ana@a.example"]?.text(1) == "sent")
    }
}
