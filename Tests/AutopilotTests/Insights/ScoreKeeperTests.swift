import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

@Suite("Scores kept current: churn rescored on events, the nightly scoring in the worker")
struct ScoreKeeperTests {
    static let now = Fixtures.date("2026-03-10T12:00:00Z")

    static func churn(_ shop: TestShop, email: String) async throws -> Double? {
        let data = try await shop.store.scoringData(tenantID: shop.tenantID, ticketsSince: .distantPast)
        guard let id = data.contacts.first(where: { $0.email == email })?.id else { return nil }
        return data.previousChurn[id]
    }

    static func order(_ id: String, at: String, total: Double) -> JSONValue {
        Fixtures.envelope(
            "order.placed", at: at, key: "order-\(id)", contact: ["email": "old@client.example"],
            properties: [
                "order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 1, "price": .double(total)]], "total": .double(total),
                "currency": "EUR",
            ])
    }

    @Test func anOrderEventRescoresItsCustomerAndACrossingStartsTheAtRiskFlow() async throws {
        let shop = try await TestShop.make(at: Self.now)
        let engine = try TestWorker.make(shop.dependencies)
        _ = try await engine.runDue(now: Self.now)  // the scores cursor starts at the end of the (empty) log

        // A customer whose only order is ten months old arrives (a late import): scored at once, at high risk.
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2025-05-01T08:00:00Z", key: "c-old", contact: ["email": "old@client.example"],
                properties: ["first_name": "Marc", "consents": ["email": true]]),
            Self.order("A1", at: "2025-05-02T10:00:00Z", total: 40),
        ])
        let report = try await engine.runDue(now: Self.now)
        #expect(report.contactsRescored == 1)
        #expect(report.churnCrossings == 1)
        let risk = try #require(try await Self.churn(shop, email: "old@client.example"))
        #expect(risk >= 0.7)
        let crossed = try await shop.store.events(EventQuery(type: .churnRiskCrossed, limit: 10), tenantID: shop.tenantID).events
        #expect(crossed.count == 1)
        let atRisk = try await shop.store.flowRunCounts(tenantID: shop.tenantID).filter { $0.flowID == "at-risk-customer" }
        #expect(atRisk.reduce(0) { $0 + $1.count } == 1, "the crossing reached the at-risk flow in the same pass")

        // A fresh order brings the risk down on the spot; no second crossing.
        try await shop.ingest([Self.order("A2", at: "2026-03-10T11:00:00Z", total: 60)])
        let after = try await engine.runDue(now: Self.now)
        #expect(after.contactsRescored == 1)
        #expect(after.churnCrossings == 0)
        let lower = try #require(try await Self.churn(shop, email: "old@client.example"))
        #expect(lower < 0.5, "\(lower)")
        #expect(try await shop.store.events(EventQuery(type: .churnRiskCrossed, limit: 10), tenantID: shop.tenantID).events.count == 1)
    }

    @Test func eventsThatChangeNoSignalRescoreNobody() async throws {
        let shop = try await TestShop.make(at: Self.now)
        let engine = try TestWorker.make(shop.dependencies)
        try await shop.ingest([Self.order("A1", at: "2026-01-02T10:00:00Z", total: 40)])
        _ = try await engine.runDue(now: Self.now)
        try await shop.ingest([
            Fixtures.envelope(
                "wishlist.added", at: "2026-03-10T10:00:00Z", key: "w-1", contact: ["email": "old@client.example"], properties: ["sku": "TEA-01"])
        ])
        #expect(try await engine.runDue(now: Self.now).contactsRescored == 0)
    }

    @Test func theNightlyScoringRunsOncePerTenantDayAfterItsHour() async throws {
        let start = Fixtures.date("2026-03-10T02:00:00Z")
        let shop = try await TestShop.make(at: start)
        try await shop.ingest([Self.order("A1", at: "2025-05-02T10:00:00Z", total: 40), Self.order("A2", at: "2025-06-02T10:00:00Z", total: 30)])
        var settings = FlowEngineSettings()
        settings.nightlyScoringHour = 3
        let engine = try TestWorker.make(shop.dependencies, settings: settings)

        #expect(try await engine.runDue(now: start).nightlyScorings == 0, "before 03:00")
        #expect(try await Self.churn(shop, email: "old@client.example") == nil)
        let night = try await engine.runDue(now: Fixtures.date("2026-03-10T03:30:00Z"))
        #expect(night.nightlyScorings == 1)
        #expect(night.churnCrossings == 1)
        #expect(try await Self.churn(shop, email: "old@client.example") != nil)
        #expect(try await engine.runDue(now: Fixtures.date("2026-03-10T23:00:00Z")).nightlyScorings == 0, "once a day")
        #expect(try await engine.runDue(now: Fixtures.date("2026-03-11T03:05:00Z")).nightlyScorings == 1, "and again the next night")
    }

    @Test func theWorkerSettingsReadTheNightlyHour() throws {
        #expect(try FlowEngineSettings.fromEnvironment([:]).nightlyScoringHour == 3)
        #expect(try FlowEngineSettings.fromEnvironment(["AUTOPILOT_NIGHTLY_SCORING_HOUR": "off"]).nightlyScoringHour == nil)
        #expect(try FlowEngineSettings.fromEnvironment(["AUTOPILOT_NIGHTLY_SCORING_HOUR": "22"]).nightlyScoringHour == 22)
        #expect(throws: ConfigurationError.self) { try FlowEngineSettings.fromEnvironment(["AUTOPILOT_NIGHTLY_SCORING_HOUR": "25"]) }
        #expect(throws: ConfigurationError.self) { try FlowEngineSettings.fromEnvironment(["AUTOPILOT_DELEGATION_INTERVAL_MINUTES": "0"]) }
    }
}
