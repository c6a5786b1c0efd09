import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

@Suite struct FlowEngineTests {
    @Test func abandonedCartSendsSMSThenEmailsCountedFromAbandonment() async throws {
        try await TestDatabases.withSQLite { store in
            let (_, messages) = try await FlowScenario.simulate(store: store)
            let amina = messages.filter { $0.contact == "amina@example.fr" && $0.flow == "abandoned-cart" }
            #expect(
                amina.map(\.template) == ["abandoned-cart-sms", "abandoned-cart-reminder", "abandoned-cart-social-proof", "abandoned-cart-coupon"])
            // Abandoned at 10:30 (30 minutes without update); delays count from there, not from when a worker ran.
            #expect(
                amina.map(\.scheduledAt) == [
                    "2026-03-03T10:50:00Z", "2026-03-03T11:30:00Z", "2026-03-04T10:30:00Z", "2026-03-06T10:30:00Z",
                ])
            #expect(amina.allSatisfy { $0.status == "sent" })
            #expect(amina[0].channel == "sms")
            #expect(amina[0].sentAt == "2026-03-03T10:50:00Z")
            // The welcome email at 09:00 used the one-per-16-hours cap: the reminder waited for it, and says why.
            #expect(amina[1].sentAt == "2026-03-04T01:00:00Z")
            #expect(amina[1].blockedReason == "frequency_cap")
            let coupon = try #require(amina[3].body)
            #expect(coupon.contains("AP-"))
            #expect(amina[2].body?.contains("Sencha") == true)
        }
    }

    @Test func anOrderForTheCartEndsItsRunAndStopsQueuedMessages() async throws {
        try await TestDatabases.withSQLite { store in
            let (tenantID, messages) = try await FlowScenario.simulate(store: store)
            let bob = messages.filter { $0.contact == "bob@example.com" && $0.flow == "abandoned-cart" }
            // The reminder was queued at 12:30 but held by the frequency cap; the 14:00 order ended the run before it went.
            #expect(bob.map(\.template) == ["abandoned-cart-reminder"])
            #expect(bob.first?.status == "skipped")
            #expect(bob.first?.blockedReason == "run_exited:order_placed")
            let counts = try await store.flowRunCounts(tenantID: tenantID)
            #expect(counts.contains { $0.flowID == "abandoned-cart" && $0.status == .exited && $0.reason == "order_placed" && $0.count == 1 })
        }
    }

    @Test func aSimulationIsDeterministic() async throws {
        let first = try await TestDatabases.withSQLite { try await FlowScenario.simulate(store: $0).messages }
        let second = try await TestDatabases.withSQLite { try await FlowScenario.simulate(store: $0).messages }
        #expect(first == second)
        #expect(first.count >= 8)
    }

    @Test func importedHistoryIsRecordedAsStaleInsteadOfSent() async throws {
        try await TestDatabases.withSQLite { store in
            let clock = ManualClock(FlowScenario.start.addingTimeInterval(10 * 86_400))
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 1))
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
            _ = try await IngestPipeline(dependencies: dependencies).ingest(
                document: .object(["events": .array(FlowScenario.events)]), tenantID: tenantID)
            let engine = try TestWorker.make(dependencies)
            try await engine.runDue(now: clock.now())
            let messages = try await FlowQueries(store: store).messages(tenantID: tenantID)
            #expect(messages.isEmpty)
            let counts = try await store.flowRunCounts(tenantID: tenantID)
            #expect(!counts.isEmpty, "\(counts)")
            // Runs about the past are recorded as skipped (stale), never executed; a run with nothing to act on exits.
            #expect(counts.allSatisfy { ($0.status == .skipped && $0.reason == "stale") || $0.status == .exited }, "\(counts)")
            #expect(counts.filter { $0.status == .skipped }.map(\.count).reduce(0, +) == 4)
        }
    }
}
