import Foundation

/// Rescores the contacts of a tenant's new order, engagement and support events (RFM, churn): when events were routed in
/// this round, and once per tenant and process to catch up after a stop. The progress is the churn crossings emitted
/// (new events to route).
struct RescoringPass: WorkerPass {
    let dependencies: Dependencies
    let enabled: Bool
    let memory: ScoreMemory

    var name: String { "rescoring" }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let tenantID = round.tenant?.tenantID else { return 0 }
        guard enabled, (round.eventsRouted[tenantID] ?? 0) > 0 || memory.firstLook(at: tenantID) else { return 0 }
        let (rescored, crossed) = try await ScoreKeeper(dependencies: dependencies, tenantID: tenantID).rescoreTouched(now: round.now)
        round.report.contactsRescored += rescored
        round.report.churnCrossings += crossed
        return crossed
    }
}
