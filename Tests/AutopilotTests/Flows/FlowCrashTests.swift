import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// A crash at any point loses no step and queues no message twice: a write transaction is made to fail after each
/// number of its writes, the engine is "restarted" on the same database file, and the outcome must equal a run
/// without failure.
@Suite struct FlowCrashTests {
    struct Outcome: Equatable {
        var messages: [String: String]
        var runs: [String]
    }

    @Test func aFailureBetweenAnyTwoWritesChangesNothingInTheEnd() async throws {
        let (reference, counts) = try await run(plan: nil)
        #expect(!reference.messages.isEmpty)
        // Every writing transaction with AUTOPILOT_CRASH_SWEEP=full (about 180 of them, several minutes); a spread sample by default.
        let full = ProcessInfo.processInfo.environment["AUTOPILOT_CRASH_SWEEP"] == "full"
        let stride = full ? 1 : max(1, counts.count / 12)
        var checked = 0
        for (transaction, writes) in counts.enumerated() where transaction % stride == 0 || transaction == counts.count - 1 {
            for afterWrites in Set([0, writes / 2, writes]).sorted() {
                let (outcome, _) = try await run(plan: FaultyDatabase.Plan(transaction: transaction, afterWrites: afterWrites))
                let differences = Set(outcome.messages.map { "\($0.key) → \($0.value.prefix(40))" }).symmetricDifference(
                    reference.messages.map { "\($0.key) → \($0.value.prefix(40))" })
                #expect(
                    differences.isEmpty && outcome.runs == reference.runs,
                    "fault in transaction \(transaction) after \(afterWrites) of \(writes) writes: \(differences.sorted()) \(outcome.runs)")
                checked += 1
            }
        }
        #expect(checked >= 20)
    }

    /// Runs the scenario on a file database; when the planned fault fires, restarts on the same file and goes on.
    private func run(plan: FaultyDatabase.Plan?) async throws -> (Outcome, [Int]) {
        let path = NSTemporaryDirectory() + "autopilot-crash-\(UUID().uuidString).sqlite"
        defer { TestDatabases.removeFiles(of: path) }
        let sqlite = try SQLiteDatabase(path: path)
        let faulty = FaultyDatabase(base: sqlite)
        let store = SQLStore(database: faulty)
        try await store.migrate(now: FlowScenario.start)
        let clock = ManualClock(FlowScenario.start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 3))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        faulty.arm(plan)
        let end = FlowScenario.start.addingTimeInterval(5 * 86_400)
        var crashes = 0
        while true {
            do {
                let simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
                _ = try await simulator.run(events: FlowScenario.events, tenantID: tenantID, until: end)
                break
            } catch {
                crashes += 1
                if crashes > 3 { throw error }
            }
        }
        // The fault fires once; it stops the pass (a crash) unless it hit a write whose failure the engine tolerates
        // (the integration health tally is logged and dropped), and either way the outcome below must not change.
        if let plan { #expect(faulty.fired && crashes <= 1, "fault in transaction \(plan.transaction) after \(plan.afterWrites) writes: \(crashes) crashes") }
        let messages = try await FlowQueries(store: store).messages(tenantID: tenantID)
        var byID: [String: String] = [:]
        // Ids derive from contact ids, which a retried transaction draws afresh: compare what a person would see instead.
        for message in messages {
            var body = (message.body ?? "").replacingOccurrences(of: message.id, with: "MESSAGE")
            body = body.replacingOccurrences(of: #"AP-[A-Z0-9]{8}"#, with: "AP-CODE", options: .regularExpression)
            // A message claimed by the crashed worker waits for its lease to end (5 minutes): its send time may move, not its content.
            byID["\(message.contact)|\(message.template)|\(message.scheduledAt)"] = "\(message.status)|\(body)"
        }
        let runs = try await store.flowRunCounts(tenantID: tenantID).map { "\($0.flowID) \($0.status) \($0.reason ?? "") \($0.count)" }
        try await sqlite.close()
        return (Outcome(messages: byID, runs: runs), faulty.writeCounts)
    }
}
