import Foundation
import Storage

/// Prunes the data of the tenants that set a retention (`retention.*_days`) older than it (`RetentionKeeper`), a few
/// bounded batches per tenant at a time, beside the sweeps: each tenant again after `quiet`, or at the next run while more
/// is left. Tenants that set nothing cost one query per run.
struct RetentionPass: WorkerPass {
    let keeper: RetentionKeeper
    let quiet: TimeInterval
    let memory = DateSweepMemory()

    init(dependencies: Dependencies, quiet: TimeInterval = 15 * 60) {
        keeper = RetentionKeeper(dependencies: dependencies)
        self.quiet = quiet
    }

    var name: String { "retention" }
    var interval: Duration { .seconds(60) }

    func run(_ round: inout WorkerRound) async throws -> Int {
        let store = keeper.dependencies.store
        var tenants = Set<String>()
        for setting in RetentionSettings.definitions.map(\.name) { tenants.formUnion(try await store.tenants(withSetting: setting)) }
        var pruned = 0
        for tenantID in tenants.sorted() where !memory.isQuiet(tenantID: tenantID, cursor: name, at: round.now) {
            let outcome = try await keeper.prune(tenantID: tenantID, now: round.now)
            if !outcome.more { memory.remember(tenantID: tenantID, cursor: name, quietUntil: round.now.addingTimeInterval(quiet)) }
            pruned += outcome.total
        }
        return pruned
    }
}
