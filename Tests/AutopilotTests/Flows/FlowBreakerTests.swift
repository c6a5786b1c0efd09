import AutopilotCore
import Channels
import Engine
import Flows
import Foundation
import Storage
import Testing

/// An SMS provider that refuses everything, for good (with `code`).
struct RefusingSender: MessageSender {
    var code = "rejected"
    var name: String { "refusing" }
    func send(_ message: OutboundMessage) async -> Channels.SendOutcome {
        .failed(SendFailure(code: code, reason: "number not reachable", isTransient: false))
    }
}

@Suite("Flow engine — circuit breaker")
struct FlowBreakerTests {
    static func order(_ index: Int, at: String) -> JSONValue {
        Fixtures.envelope(
            "order.placed", at: at, key: "o\(index)",
            contact: ["email": .string("buyer\(index)@example.com"), "phone": .string("+3361000\(String(format: "%04d", index))")],
            properties: [
                "order_id": .string("O-\(index)"), "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR",
            ])
    }

    @Test func aFlowWhoseMessagesFailPausesHoldsItsQueueAndResumes() async throws {
        let now = Fixtures.date("2026-03-03T10:00:00Z")
        let shop = try await TestShop.make(at: now, seed: 5)
        let (store, dependencies, tenantID) = (shop.store, shop.dependencies, shop.tenantID)
        try await shop.ingest((0..<15).map { Self.order($0, at: "2026-03-03T09:59:00Z") })
        var settings = FlowEngineSettings()
        settings.batchSize = 5
        settings.circuitBreaker = FlowCircuitBreakerSettings(window: 10, minimumMessages: 10, minimumSuccessRate: 0.85)
        let failing = try TestWorker.make(dependencies, settings: settings, senders: SenderDirectory(byChannel: [.sms: RefusingSender()]))
        try await failing.runDue(now: now)

        func confirmations() async throws -> [String: Int] {
            let messages = try await store.outboxMessages(tenantID: tenantID, contactID: nil, limit: 1_000).filter {
                $0.message.flowID == "order-confirmation-sms"
            }
            return Dictionary(grouping: messages, by: { $0.message.status.rawValue + ($0.message.blockedReason.map { ":" + $0 } ?? "") }).mapValues(
                \.count)
        }
        #expect(try await confirmations() == ["failed": 10, "blocked:flow_paused": 5])
        let choice = try #require(try await store.tenantFlows(tenantID: tenantID).first { $0.flowID == "order-confirmation-sms" })
        #expect(choice.pausedReason == "circuit_breaker: 0 of 10 messages sent (0.0%), below 85.0%")
        #expect(choice.enabled)
        let notes = try await store.flowActions(tenantID: tenantID, kind: "notify", status: "done", limit: 10)
        #expect(notes.contains { $0.payload.contains("order-confirmation-sms paused itself") })

        // Paused: a new order starts no confirmation.
        try await shop.ingest([Self.order(99, at: "2026-03-03T10:00:00Z")])
        try await failing.runDue(now: now.addingTimeInterval(60))
        #expect(try await confirmations() == ["failed": 10, "blocked:flow_paused": 5])

        let resumed = try await FlowRunControl(dependencies: dependencies, tenantID: tenantID).resume(flowID: "order-confirmation-sms")
        #expect(resumed.wasPaused && resumed.released == 5)
        let again = try await FlowRunControl(dependencies: dependencies, tenantID: tenantID).resume(flowID: "order-confirmation-sms")
        #expect(again.wasPaused == false)
        try await TestWorker.make(dependencies, settings: settings).runDue(now: now.addingTimeInterval(120))
        // The held messages went out after a fresh policy check; their history keeps why they waited.
        #expect(try await confirmations() == ["failed": 10, "sent:flow_paused": 5])
    }

    @Test func aProviderThatKnowsTheRecipientSaidStopUnsubscribesTheContact() async throws {
        let now = Fixtures.date("2026-03-03T10:00:00Z")
        let shop = try await TestShop.make(at: now, seed: 6)
        try await shop.ingest([Self.order(1, at: "2026-03-03T09:59:00Z")])
        let senders = SenderDirectory(byChannel: [.sms: RefusingSender(code: "recipient_unsubscribed")])
        try await TestWorker.make(shop.dependencies, senders: senders).runDue(now: now)
        let contactID = try #require(try await shop.store.contactID(email: "buyer1@example.com", tenantID: shop.tenantID))
        let contact = try #require(try await shop.store.contacts(ids: [contactID], tenantID: shop.tenantID)[contactID])
        #expect(contact.consents[.sms]?.granted == false)
        #expect(contact.consents[.sms]?.source == "contact.unsubscribed")
        #expect(contact.consents[.email]?.granted != false, "only the channel the provider refused")
    }
}
