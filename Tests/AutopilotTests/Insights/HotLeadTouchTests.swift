import AutopilotCore
import Decisions
import Engine
import Foundation
import Storage
import Testing

/// A hot lead is contacted when a person reaches out outside Autopilot's messages too: a task about them marked done, or
/// a call logged (`call.logged`). The "hot lead waiting" follow-up then stops; an untouched hot lead keeps it.
@Suite("Hot leads — a person's call or task counts as contact")
struct HotLeadTouchTests {
    static let now = Fixtures.date("2026-03-10T09:00:00Z")

    static func hotLead(_ email: String, number: Int) -> JSONValue {
        Fixtures.envelope(
            "lead.created", at: "2026-03-10T09:00:00Z", key: "lead-\(number)", contact: ["email": .string(email)],
            properties: [
                "lead_id": .string("L\(number)"),
                "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !",
            ])
    }

    @Test func aTaskDoneOrACallLoggedEndsTheWait() async throws {
        let shop = try await TestShop.make(at: Self.now)
        try await shop.ingest([
            Self.hotLead("tasked@atelier.example", number: 1), Self.hotLead("called@atelier.example", number: 2),
            Self.hotLead("waiting@atelier.example", number: 3),
        ])
        let later = Self.now.addingTimeInterval(2 * 3_600)
        shop.clock.set(later)
        let insights = InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantID)
        func waiting() async throws -> Set<String> {
            let recommendations = try await insights.insights(at: shop.clock.now()).recommendations.filter { $0.rule == .hotLeadWaiting }
            return Set(recommendations.compactMap(\.contactEmail))
        }
        #expect(try await waiting() == ["tasked@atelier.example", "called@atelier.example", "waiting@atelier.example"])

        let tasked = try #require(try await shop.store.contactID(email: "tasked@atelier.example", tenantID: shop.tenantID))
        let tasks = TaskService(dependencies: shop.dependencies)
        let task = try await tasks.createSupportTicket(
            tenantID: shop.tenantID, contact: TaskContact(contactID: tasked), subject: "Rappeler la fondatrice", createdBy: "marie@boutique.example")
        #expect(try await waiting().contains("tasked@atelier.example"), "an open task is not a contact yet")
        _ = try await tasks.setStatus(id: task.task.id, tenantID: shop.tenantID, status: .done)
        try await shop.ingest([
            Fixtures.envelope(
                "call.logged", at: Timestamp.format(later), key: "call-1", contact: ["email": "called@atelier.example"],
                properties: ["by": "marie@boutique.example", "outcome": "reached", "notes": "Démo jeudi"])
        ])
        shop.clock.set(later.addingTimeInterval(60))
        #expect(try await waiting() == ["waiting@atelier.example"])

        await #expect(throws: ValidationError.self) {
            try await shop.ingest([
                Fixtures.envelope("call.logged", key: "call-2", contact: ["email": "called@atelier.example"], properties: ["outcome": "reached"])
            ])
        }
    }
}
