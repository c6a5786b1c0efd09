import Foundation
import Storage

/// Starts a tenant's contact-date (birthday, win-back) and scheduled flows whose firing moment came.
struct DateTriggerPass: WorkerPass {
    let store: any FlowRunStore & ContactStore
    let memory = DateSweepMemory()

    var name: String { "date-triggers" }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let catalog = round.tenant else { return 0 }
        let started = try await DateTriggers(store: store, catalog: catalog, memory: memory).startDue(now: round.now)
        round.report.runsStartedByDate += started
        return started
    }
}
