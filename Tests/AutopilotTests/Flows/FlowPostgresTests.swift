import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The flow engine on PostgreSQL: the same outcome as on SQLite, and two workers sharing the due work without doing
/// anything twice (`FOR UPDATE SKIP LOCKED` claims).
@Suite(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
struct FlowPostgresTests {
    @Test func theScenarioEndsAsOnSQLite() async throws {
        let reference = try await TestDatabases.withSQLite { try await FlowScenario.simulate(store: $0).messages }
        let postgres = try await TestDatabases.withPostgres { try await FlowScenario.simulate(store: $0).messages }
        #expect(postgres.map(\.template) == reference.map(\.template))
        #expect(postgres.map(\.status) == reference.map(\.status))
        #expect(postgres.map(\.scheduledAt) == reference.map(\.scheduledAt))
    }

    @Test func twoWorkersShareTheWorkAndNothingIsSentTwice() async throws {
        try await TestDatabases.withPostgres { store in
            let clock = ManualClock(FlowScenario.start)
            let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 5))
            let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
            let pipeline = IngestPipeline(dependencies: dependencies)
            let first = try TestWorker.make(dependencies)
            let second = try TestWorker.make(dependencies)
            var now = FlowScenario.start
            let events = FlowScenario.events
            for _ in 0..<(4 * 24) {
                let due = events.filter { ($0["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantFuture) <= now }
                if !due.isEmpty { _ = try await pipeline.ingest(document: .object(["events": .array(due)]), tenantID: tenantID) }
                let moment = now
                async let a = first.runDue(now: moment)
                async let b = second.runDue(now: moment)
                _ = try await (a, b)
                now = now.addingTimeInterval(3_600)
                clock.set(now)
            }
            let messages = try await FlowQueries(store: store).messages(tenantID: tenantID)
            let keys = messages.map { "\($0.contact)|\($0.template)" }
            #expect(Set(keys).count == keys.count)
            #expect(
                Set(keys).isSuperset(of: [
                    "amina@example.fr|abandoned-cart-sms", "amina@example.fr|abandoned-cart-reminder", "amina@example.fr|welcome-1",
                ]))
            #expect(messages.filter { $0.status == "sent" }.count >= 5)
            let sentEvents = try await store.events(EventQuery(type: .messageSent, limit: 1_000), tenantID: tenantID)
            #expect(sentEvents.events.count == messages.filter { $0.status == "sent" }.count)
        }
    }
}
