import Foundation

/// Starts the runs of flows delegated for a recommendation rule, from the tenant's pending recommendations (at most every
/// `interval`).
struct DelegationPass: WorkerPass {
    let dependencies: Dependencies
    let recomputeInterval: TimeInterval

    var name: String { "delegation" }
    var scope: WorkerPassScope { .eachTenant }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let catalog = round.tenant else { return 0 }
        let started = try await RecommendationDelegation(dependencies: dependencies, tenantID: catalog.tenantID, interval: recomputeInterval)
            .runDue(catalog: catalog, now: round.now)
        round.report.runsStartedByDelegation += started
        return started
    }
}
