import Foundation

/// Moves the tenant's broadcasts on (`BroadcastKeeper`): queues the messages of those due, decides their tests. The
/// progress is the messages queued and the decisions taken.
struct BroadcastPass: WorkerPass {
    let dependencies: Dependencies

    var name: String { "broadcasts" }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let tenantID = round.tenant?.tenantID, round.tenantMay(\.hasActiveBroadcasts) else { return 0 }
        let progress = try await BroadcastKeeper(dependencies: dependencies, tenantID: tenantID).advance(now: round.now)
        round.report.broadcastMessagesQueued += progress
        return progress
    }
}
