import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// A message queued before its run ended is sent: only an exit caused by an event (an order, a reply, an unsubscribe)
/// cancels what is still queued. The built-in lead nurture sends its booking link and then exits in the same pass.
@Suite("Flow engine — messages queued before a run ends")
struct SendThenExitTests {
    static let now = Fixtures.date("2026-03-10T09:00:00Z")

    static func lead(_ number: Int, message: String) -> [JSONValue] {
        let email = JSONValue.string("lead\(number)@boutique.example")
        return [
            Fixtures.envelope(
                "contact.created", at: "2026-03-10T08:00:00Z", key: "c-\(number)", contact: ["email": email],
                properties: ["first_name": "Claire", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true]]),
            Fixtures.envelope(
                "lead.created", at: "2026-03-10T08:30:00Z", key: "lead-\(number)", contact: ["email": email],
                properties: ["lead_id": .string("L\(number)"), "message": .string(message)]),
        ]
    }

    @Test func aHotLeadGetsItsBookingLinkAlthoughTheRunExitsRightAfter() async throws {
        let shop = try await TestShop.make(at: Self.now)
        try await shop.ingest(Self.lead(1, message: "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !"))
        let engine = try TestWorker.make(shop.dependencies)
        try await engine.runDue(now: Self.now)

        let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID).filter { $0.flow == "lead-nurture" }
        #expect(messages.map(\.template) == ["lead-booking-link"])
        #expect(messages.first?.status == "sent", "\(messages.map { "\($0.template) \($0.status) \($0.blockedReason ?? "")" })")
        let runs = try await shop.store.flowRunCounts(tenantID: shop.tenantID).filter { $0.flowID == "lead-nurture" }
        #expect(runs.map(\.status) == [.exited] && runs.map(\.reason) == ["hot_routed"])
    }

    @Test func aReplyCancelsWhatTheRunStillHadQueued() async throws {
        let shop = try await TestShop.make(at: Self.now)
        // A cool lead: the first nurture email goes, the second waits four days.
        try await shop.ingest(Self.lead(2, message: "Boutique Shopify, budget 300€ par mois, projet dans 6 mois."))
        let engine = try TestWorker.make(shop.dependencies)
        try await engine.runDue(now: Self.now)
        let queries = FlowQueries(store: shop.store)
        let first = try await queries.messages(tenantID: shop.tenantID).filter { $0.flow == "lead-nurture" }
        try #require(first.map(\.template) == ["lead-nurture-1"], "\(first.map { "\($0.template) \($0.status)" })")
        #expect(first.first?.status == "sent")

        // The team pauses the flow; four days later the second email is queued and held. Then the lead replies.
        try await shop.store.pauseFlow(tenantID: shop.tenantID, flowID: "lead-nurture", version: 1, reason: "checking the copy", at: Self.now)
        let later = Self.now.addingTimeInterval(4 * 86_400 + 3_600)
        shop.clock.set(later)
        try await engine.runDue(now: later)
        let queued = try await queries.messages(tenantID: shop.tenantID).filter { $0.template == "lead-nurture-2" }
        try #require(queued.count == 1 && queued.first?.status == "blocked", "\(queued.map { "\($0.status) \($0.blockedReason ?? "")" })")
        let sentID = try #require(first.first?.id)
        try await shop.ingest([
            Fixtures.envelope(
                "message.replied", at: Timestamp.format(later.addingTimeInterval(60)), key: "reply-2", contact: ["email": "lead2@boutique.example"],
                properties: ["message_id": .string(sentID), "channel": "email", "text": "Oui, rappelez-moi"])
        ])
        shop.clock.set(later.addingTimeInterval(120))
        try await engine.runDue(now: later.addingTimeInterval(120))
        try await shop.store.resumeFlow(tenantID: shop.tenantID, flowID: "lead-nurture", at: later.addingTimeInterval(180))
        shop.clock.set(later.addingTimeInterval(3_600))
        try await engine.runDue(now: later.addingTimeInterval(3_600))
        let after = try await queries.messages(tenantID: shop.tenantID).filter { $0.template == "lead-nurture-2" }
        #expect(after.map(\.status) == ["skipped"])
        #expect(after.map(\.blockedReason) == ["run_exited:replied"])
    }
}
