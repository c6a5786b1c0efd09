import Foundation

/// Prunes each tenant's data older than its retention settings (`RetentionKeeper`), a few bounded batches at a time;
/// looks again after `interval`, or at the next sweep while more is left.
struct RetentionPass: WorkerPass {
    let keeper: RetentionKeeper
    let interval: TimeInterval
    let memory = DateSweepMemory()

    var name: String { "retention" }
    var scope: WorkerPassScope { .eachTenant }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let tenantID = round.tenant?.tenantID, !memory.isQuiet(tenantID: tenantID, cursor: name, at: round.now) else { return 0 }
        let outcome = try await keeper.prune(tenantID: tenantID, now: round.now)
        if !outcome.more { memory.remember(tenantID: tenantID, cursor: name, quietUntil: round.now.addingTimeInterval(interval)) }
        return outcome.total
    }
}
