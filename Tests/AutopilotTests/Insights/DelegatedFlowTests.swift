import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

@Suite("Delegated flows: a recommendation rule acted on without asking")
struct DelegatedFlowTests {
    static let now = Fixtures.date("2026-03-10T12:00:00Z")

    /// A contact who consented to email and got an email, delivered four days ago and never opened: `not_opened`.
    static func shopWithAnUnopenedEmail() async throws -> TestShop {
        let shop = try await TestShop.make(at: now)
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T08:00:00Z", key: "c-1", contact: ["email": "ines@boutique.example"],
                properties: ["first_name": "Inès", "locale": "fr", "consents": ["email": true]]),
            Fixtures.envelope(
                "message.sent", at: "2026-03-06T10:00:00Z", key: "m-1-sent", contact: ["email": "ines@boutique.example"],
                properties: ["message_id": "m-1", "channel": "email", "template": "welcome-1"]),
            Fixtures.envelope(
                "message.delivered", at: "2026-03-06T10:05:00Z", key: "m-1-delivered", contact: ["email": "ines@boutique.example"],
                properties: ["message_id": "m-1", "channel": "email"]),
        ])
        return shop
    }

    static func runs(_ shop: TestShop, flow: String) async throws -> Int {
        try await shop.store.flowRunCounts(tenantID: shop.tenantID).filter { $0.flowID == flow }.reduce(0) { $0 + $1.count }
    }

    @Test func offByDefaultTheRecommendationWaitsForAPerson() async throws {
        let shop = try await Self.shopWithAnUnopenedEmail()
        let report = try await TestWorker.make(shop.dependencies).runDue(now: Self.now)
        #expect(report.runsStartedByDelegation == 0)
        #expect(try await Self.runs(shop, flow: "delegate-not-opened") == 0)
        let pending = try await InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantID).pendingRecommendations(at: Self.now)
        #expect(pending.map(\.rule.rawValue) == ["not_opened"])
        let summary = try await FlowAdministration(dependencies: shop.dependencies, tenantID: shop.tenantID).flow(id: "delegate-not-opened")
        #expect(summary.flow.enabled == false)
    }

    @Test func aDelegatedFlowSendsTheFollowUpOnceAndTakesItOffTheList() async throws {
        let shop = try await Self.shopWithAnUnopenedEmail()
        _ = try await FlowAdministration(dependencies: shop.dependencies, tenantID: shop.tenantID).enable(id: "delegate-not-opened")
        let engine = try TestWorker.make(shop.dependencies)

        let first = try await engine.runDue(now: Self.now)
        #expect(first.runsStartedByDelegation == 1)
        #expect(try await Self.runs(shop, flow: "delegate-not-opened") == 1)
        let pending = try await InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantID).pendingRecommendations(at: Self.now)
        #expect(pending.isEmpty, "the flow decided it: \(pending.map(\.rule))")
        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.flow == "delegate-not-opened" }
        #expect(messages.map(\.template) == ["follow-up-not-opened"])
        #expect(messages.first?.status == "sent")
        #expect(messages.first?.body?.contains("Inès") == true)

        // Within the interval nothing is recomputed; after it, the same recommendation never starts a second run.
        shop.clock.set(Self.now.addingTimeInterval(5 * 60))
        #expect(try await engine.runDue(now: shop.clock.now()).runsStartedByDelegation == 0)
        shop.clock.set(Self.now.addingTimeInterval(20 * 60))
        #expect(try await engine.runDue(now: shop.clock.now()).runsStartedByDelegation == 0)
        #expect(try await Self.runs(shop, flow: "delegate-not-opened") == 1)
    }

    @Test func aRecommendationTheFlowRefusesStaysForAPerson() async throws {
        let shop = try await Self.shopWithAnUnopenedEmail()
        let administration = FlowAdministration(dependencies: shop.dependencies, tenantID: shop.tenantID)
        // The tenant's own delegated flow, allowed once per contact ever, already ran for her. Its follow-up is a
        // conversation (marked as such), so the rules watch it.
        let source = """
            id: nudge-once
            name: Nudge once
            trigger: { recommendation: not_opened }
            reentry: once
            steps:
              - send: { channel: email, template: follow-up-not-opened, conversation: true }
            """
        try await administration.copy(id: "delegate-not-opened", to: "nudge-once")
        try await administration.edit(id: "nudge-once", document: source)
        _ = try await administration.enable(id: "nudge-once")
        let engine = try TestWorker.make(shop.dependencies)
        #expect(try await engine.runDue(now: Self.now).runsStartedByDelegation == 1)

        // Four days later her follow-up, delivered, is unopened too: a new recommendation, which the flow may not act on.
        let followUp = try #require(try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).first { $0.flow == "nudge-once" })
        try await shop.ingest([
            Fixtures.envelope(
                "message.delivered", at: "2026-03-10T12:01:00Z", key: "follow-up-delivered", contact: ["email": "ines@boutique.example"],
                properties: ["message_id": .string(followUp.id), "channel": "email"])
        ])
        let later = Self.now.addingTimeInterval(4 * 86_400)
        shop.clock.set(later)
        #expect(try await engine.runDue(now: later).runsStartedByDelegation == 0)
        let pending = try await InsightsService(dependencies: shop.dependencies, tenantID: shop.tenantID).pendingRecommendations(at: later)
        #expect(pending.map(\.rule.rawValue) == ["not_opened"], "left for a person")
    }
}
