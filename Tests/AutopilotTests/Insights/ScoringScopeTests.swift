import AutopilotCore
import DemoShop
import Engine
import Foundation
import Scoring
import Storage
import Testing

@Suite("Scoring reads only what it needs: the scores scope gives the same scores as the full read")
struct ScoringScopeTests {
    static func demoShop() async throws -> (store: SQLStore, tenantID: String) {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 3))
        let report = try await DemoRunner(
            dependencies: dependencies, configuration: DemoShopConfiguration(seed: 5, contacts: 150, now: Fixtures.now), flowDays: 0
        ).run()
        return (store, report.tenantID)
    }

    @Test func theScoresScopeReadsOpenedOrClickedEmailsAndNoRepliesOrLeads() async throws {
        let (store, tenantID) = try await Self.demoShop()
        let since = Fixtures.now.addingTimeInterval(-180 * 86_400)
        let everything = try await store.scoringData(tenantID: tenantID, ticketsSince: since, contactIDs: nil, scope: .everything)
        let scores = try await store.scoringData(tenantID: tenantID, ticketsSince: since, contactIDs: nil, scope: .scores)

        let engaged = everything.messages.filter { $0.channel == .email && ($0.openedAt != nil || $0.clickedAt != nil) }
        #expect(!engaged.isEmpty && engaged.count < everything.messages.count, "the shop has both kinds of messages")
        #expect(Set(scores.messages.map(\.id)) == Set(engaged.map(\.id)))
        #expect(!everything.leads.isEmpty)
        #expect(scores.leads.isEmpty && scores.replies.isEmpty)
        #expect(scores.contacts.map(\.id) == everything.contacts.map(\.id))
        #expect(scores.contacts.map(\.email) == everything.contacts.map(\.email))
        #expect(scores.contacts.map(\.locale) == everything.contacts.map(\.locale))
        #expect(scores.orders.count == everything.orders.count)
        #expect(scores.ticketDates.count == everything.ticketDates.count)
    }

    @Test func theNightlyScoresFromTheScoresScopeEqualTheFullComputation() async throws {
        let (store, tenantID) = try await Self.demoShop()
        let since = Fixtures.now.addingTimeInterval(-180 * 86_400)
        let everything = try await store.scoringData(tenantID: tenantID, ticketsSince: since, contactIDs: nil, scope: .everything)
        let scores = try await store.scoringData(tenantID: tenantID, ticketsSince: since, contactIDs: nil, scope: .scores)

        let full = CustomerInsights().compute(everything, now: Fixtures.now, locale: .french).customers
        let lean = CustomerInsights().customerScores(scores, now: Fixtures.now, locale: .french)
        #expect(full.count > 50)
        #expect(lean.map(\.contactID) == full.map(\.contactID))
        #expect(lean.map(\.churn.score) == full.map(\.churn.score))
        #expect(lean.map(\.churn.band) == full.map(\.churn.band))
        #expect(lean.map(\.segment) == full.map(\.segment))
        // The lifetime model's fit sums in dictionary order: equal to the last few bits.
        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return a == nil && b == nil }
            return abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
        }
        #expect(zip(lean, full).allSatisfy { close($0.lifetime?.clv, $1.lifetime?.clv) })
        #expect(zip(lean, full).allSatisfy { close($0.lifetime?.probabilityAlive, $1.lifetime?.probabilityAlive) })
        #expect(lean.contains { $0.lifetime?.clv != nil })
    }
}
