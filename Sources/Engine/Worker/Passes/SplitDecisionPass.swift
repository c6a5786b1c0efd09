import Flows
import Foundation

/// Decides the tenant's A/B tests whose `winner` rule is met (at most every `interval` per tenant): new runs take the
/// winner from the next sweep on.
struct SplitDecisionPass: WorkerPass {
    let dependencies: Dependencies
    let interval: TimeInterval
    let memory = DateSweepMemory()

    var name: String { "split-decisions" }
    var scope: WorkerPassScope { .eachTenant }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let catalog = round.tenant, catalog.decidesSplits,
            !memory.isQuiet(tenantID: catalog.tenantID, cursor: name, at: round.now)
        else { return 0 }
        memory.remember(tenantID: catalog.tenantID, cursor: name, quietUntil: round.now.addingTimeInterval(interval))
        return try await FlowExperiments(store: dependencies.store, tenantID: catalog.tenantID).decideDue(catalog: catalog, now: round.now).count
    }
}
