import Foundation
import Storage

/// Fires every timer due, batch after batch: each run advances one step in the transaction that claimed it.
struct TimerPass: WorkerPass {
    let store: any FlowRunStore
    let batchSize: Int

    var name: String { "timers" }
    var readsDueMoments: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard round.mayBeDue(\.runWake) else { return 0 }
        let fired = try await fire(now: round.now, catalogs: round.catalogsByTenant)
        round.report.timersFired += fired
        return fired
    }

    func fire(now: Date, catalogs: [String: FlowCatalog]) async throws -> Int {
        var total = 0
        while true {
            let claimed = try await store.advanceDueRuns(now: now, limit: batchSize) { records in
                FlowTimers.fire(records, catalogs: catalogs, now: now)
            }
            total += claimed
            if claimed < batchSize { return total }
        }
    }
}
