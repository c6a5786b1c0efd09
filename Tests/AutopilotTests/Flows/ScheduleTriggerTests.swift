import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

@Suite("Flow engine — scheduled flows")
struct ScheduleTriggerTests {
    static let flow = """
        id: monday-calls
        name: Monday calls
        version: 1
        trigger: { schedule: "every monday 09:00", where: 'contact.locale == "fr"' }
        reentry: { at_most_every: 1d }
        steps:
          - task: { title: "Call {{contact.first_name}}", assignee: sales }
        """

    @Test func startsOncePerScheduledMomentForTheSelectedContacts() async throws {
        let shop = try await TestShop.make(at: Fixtures.date("2026-03-01T00:00:00Z"), seed: 3)
        let (store, clock, dependencies, tenantID) = (shop.store, shop.clock, shop.dependencies, shop.tenantID)
        try await shop.ingest([
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T08:00:00Z", key: "a", contact: ["email": "amina@example.fr"],
                properties: ["first_name": "Amina", "locale": "fr"]),
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T08:00:00Z", key: "b", contact: ["email": "bob@example.com"],
                properties: ["first_name": "Bob", "locale": "en"]),
        ])
        try await store.saveFlowVersion(
            FlowVersionRecord(tenantID: tenantID, flowID: "monday-calls", version: 1, source: Self.flow, createdAt: clock.now()), enabled: true)
        let engine = try TestWorker.make(dependencies)
        func runs() async throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for row in try await store.flowRunCounts(tenantID: tenantID) where row.flowID == "monday-calls" {
                counts[row.status.rawValue + (row.reason.map { ":" + $0 } ?? ""), default: 0] += row.count
            }
            return counts
        }

        try await engine.runDue(now: Fixtures.date("2026-03-02T08:59:00Z"))  // Monday, before 09:00
        #expect(try await runs().isEmpty)
        try await engine.runDue(now: Fixtures.date("2026-03-02T09:20:00Z"))
        #expect(try await runs() == ["completed": 1])
        let tasks = try await store.flowActions(tenantID: tenantID, kind: "task", status: "open", limit: 10)
        #expect(tasks.count == 1)
        #expect(tasks.first?.payload.contains("Call Amina") == true)
        try await engine.runDue(now: Fixtures.date("2026-03-02T11:00:00Z"))
        try await engine.runDue(now: Fixtures.date("2026-03-04T09:00:00Z"))  // Wednesday: nothing scheduled
        #expect(try await runs() == ["completed": 1])
        try await engine.runDue(now: Fixtures.date("2026-03-09T09:00:30Z"))  // the next Monday
        #expect(try await runs() == ["completed": 2])
        // Down for two Mondays: only the latest moment runs, and being two days late it is recorded as stale, not executed.
        try await engine.runDue(now: Fixtures.date("2026-03-25T09:00:00Z"))
        #expect(try await runs() == ["completed": 2, "skipped:stale": 1])
        #expect(try await store.flowActions(tenantID: tenantID, kind: "task", status: "open", limit: 10).count == 2)
    }
}
