import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// Support tickets, hand-offs and callbacks on SQLite always and on PostgreSQL when configured.
@Suite struct TeamTaskTests {
    @Test func sqlite() async throws {
        try await TestDatabases.withSQLite { try await Self.contract($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.contract($0) }
    }

    static func contract(_ store: SQLStore) async throws {
        let clock = ManualClock(Fixtures.now)
        let dependencies = Dependencies(store: store, clock: clock)
        let tenants = TenantService(dependencies: dependencies)
        let shop = try await tenants.create(name: "shop").tenantID
        let other = try await tenants.create(name: "other").tenantID
        try await tenants.setTimeZone(tenantID: shop, identifier: "Europe/Paris")
        _ = try await IngestPipeline(dependencies: dependencies).ingest(
            document: Fixtures.envelope(
                "contact.created", at: "2026-03-09T10:00:00Z", key: "c1", contact: ["email": "camille@example.com", "phone": "+33612345678"],
                properties: ["first_name": "Camille", "locale": "fr-FR"]), tenantID: shop)
        try await ticketsAndHandOffs(dependencies, shop: shop, other: other)
        try await callbacks(dependencies, shop: shop, other: other)
    }

    static func ticketsAndHandOffs(_ dependencies: Dependencies, shop: String, other: String) async throws {
        let service = TaskService(dependencies: dependencies)
        let ticket = try await service.createSupportTicket(
            tenantID: shop, contact: TaskContact(email: "Camille@Example.com"), subject: "Colis abîmé", details: "Le carton est arrivé écrasé.",
            createdBy: "agent", idempotencyKey: "turn-1")
        #expect(ticket.created && ticket.teamNotice && ticket.task.kind == "support_ticket" && ticket.task.status == "open")
        #expect(ticket.task.contact.contactID != nil && ticket.task.contact.phone == "+33612345678" && ticket.task.contact.name == "Camille")
        let retried = try await service.createSupportTicket(
            tenantID: shop, contact: TaskContact(email: "camille@example.com"), subject: "Colis abîmé", createdBy: "agent", idempotencyKey: "turn-1")
        #expect(!retried.created && retried.task.id == ticket.task.id)

        let handOff = try await service.handOff(
            tenantID: shop, contact: TaskContact(), reason: "Wants to talk to a person", summary: "Asked twice about a refund.",
            conversationID: "conv_42", createdBy: "agent")
        #expect(handOff.task.kind == "hand_off" && handOff.task.contact.contactID == nil && handOff.task.conversationID == "conv_42")

        // Each notice waits for the worker, which posts it to Slack (or the log).
        let notices = try await dependencies.store.flowActions(tenantID: shop, kind: "notify", status: "pending", limit: 10)
        #expect(notices.count == 2)
        let text = try #require(notices.compactMap { try? JSONParser.parse($0.payload)["message"]?.stringValue }.first { $0.contains("Colis") })
        #expect(text.contains("Camille") && text.contains("camille@example.com") && text.contains(ticket.task.id))

        await #expect(throws: ValidationError.self) {
            try await service.createSupportTicket(tenantID: shop, contact: TaskContact(name: "Anonymous"), subject: "Help", createdBy: "agent")
        }
        await #expect {
            try await service.createSupportTicket(tenantID: shop, contact: TaskContact(email: "nope"), subject: "Help", createdBy: "agent")
        } throws: { ($0 as? ValidationError)?.field == "contact.email" }
        await #expect {
            try await service.createSupportTicket(tenantID: other, contact: TaskContact(contactID: ticket.task.contact.contactID), subject: "x", createdBy: "api")
        } throws: { ($0 as? ValidationError)?.field == "contact.contact_id" }

        // Tenants never see each other's tasks.
        #expect(try await service.list(tenantID: shop).count == 2)
        #expect(try await service.list(tenantID: other).isEmpty)
        #expect(try await service.task(id: ticket.task.id, tenantID: other) == nil)
        #expect(try await service.setStatus(id: ticket.task.id, tenantID: other, status: .done) == nil)
        let done = try #require(try await service.setStatus(id: ticket.task.id, tenantID: shop, status: .done))
        #expect(done.status == "done" && done.closedAt != nil)
        #expect(try await service.list(tenantID: shop, status: .open).map(\.id) == [handOff.task.id])
        await #expect {
            try await service.setStatus(id: ticket.task.id, tenantID: shop, status: .open)
        } throws: { ($0 as? TaskClosedError)?.code == "task_closed" }
    }

    static func callbacks(_ dependencies: Dependencies, shop: String, other: String) async throws {
        let callbacks = CallbackService(dependencies: dependencies)
        // Tuesday 10 March, 13:00 in Paris: the first free slot is 14:00.
        let slots = try await callbacks.slots(tenantID: shop, count: 3)
        let first = try #require(slots.first)
        #expect(Timestamp.format(first.start) == "2026-03-10T13:00:00Z" && first.local == "2026-03-10T14:00:00+01:00")
        #expect(first.labelFR == "mardi 10 mars à 14h00")

        let booked = try await callbacks.schedule(
            CallbackRequest(contact: TaskContact(phone: "+33 6 12 34 56 78"), start: first.start,
                note: "Question sur la garantie", createdBy: "agent", idempotencyKey: "cb-1"), tenantID: shop)
        #expect(booked.created && booked.task.kind == "callback" && booked.task.dueAt == first.start)
        #expect(booked.task.contact.name == "Camille" && booked.task.details == "Question sur la garantie")
        let confirmation = try #require(booked.confirmation)
        #expect(confirmation.channel == "sms" && confirmation.template == "callback-confirmation-sms")
        let message = try #require(try await dependencies.store.outboxMessage(id: confirmation.messageID, tenantID: shop))
        #expect(message.purpose == .transactional && message.contactID == booked.task.contact.contactID)
        #expect(message.options.context["callback"]?["when"] == "mardi 10 mars à 14h00")

        // The slot is no longer offered; booking it again is a conflict; the same call again is the same booking.
        #expect(try await callbacks.slots(tenantID: shop, count: 1).first?.start == slots[1].start)
        await #expect(throws: TaskSlotTakenError.self) {
            try await callbacks.schedule(
                CallbackRequest(contact: TaskContact(phone: "+33700000000"), start: first.start, createdBy: "agent", idempotencyKey: "cb-2"),
                tenantID: shop)
        }
        let again = try await callbacks.schedule(
            CallbackRequest(contact: TaskContact(phone: "+33612345678"), start: first.start, createdBy: "agent", idempotencyKey: "cb-1"), tenantID: shop)
        #expect(!again.created && again.task.id == booked.task.id && again.confirmation?.messageID == confirmation.messageID)

        // Someone new is created from their phone, name and language; another tenant's calendar is its own.
        let newcomer = try await callbacks.schedule(
            CallbackRequest(
                contact: TaskContact(name: "Oliver Bennett", phone: "+447700900123"), start: slots[2].start, language: "en", createdBy: "agent"),
            tenantID: shop)
        let contactID = try #require(newcomer.task.contact.contactID)
        let contact = try #require(try await dependencies.store.contacts(ids: [contactID], tenantID: shop)[contactID])
        #expect(contact.firstName == "Oliver" && contact.lastName == "Bennett" && contact.locale == "en")
        let englishID = try #require(newcomer.confirmation).messageID
        let english = try #require(try await dependencies.store.outboxMessage(id: englishID, tenantID: shop))
        #expect(english.options.context["callback"]?["when"] == "Tuesday 10 March at 15:00")
        #expect(try await callbacks.slots(tenantID: other, count: 1).first.map { Timestamp.format($0.start) } == "2026-03-10T13:00:00Z")

        // Not a slot, or nobody to call: refused naming the field.
        await #expect {
            try await callbacks.schedule(
                CallbackRequest(contact: TaskContact(phone: "+33612345678"), start: Fixtures.date("2026-03-14T10:00:00Z"), createdBy: "agent"),
                tenantID: shop)
        } throws: { ($0 as? ValidationError)?.field == "slot" }
        await #expect {
            try await callbacks.schedule(CallbackRequest(contact: TaskContact(name: "No phone"), start: slots[1].start, createdBy: "agent"), tenantID: shop)
        } throws: { ($0 as? ValidationError)?.field == "contact.phone" }

        // Business hours are the tenant's own.
        let hours = try await callbacks.setBusinessHours("sat 10:00-12:00", holidays: "france", tenantID: other)
        #expect(hours.hours == "sat 10:00-12:00" && hours.holidays == "france" && hours.timeZone == "UTC")
        #expect(try await callbacks.slots(tenantID: other, count: 1).first.map { Timestamp.format($0.start) } == "2026-03-14T10:00:00Z")
        #expect(try await callbacks.businessHours(tenantID: shop).hours == "mon-fri 09:00-18:00")
    }
}
