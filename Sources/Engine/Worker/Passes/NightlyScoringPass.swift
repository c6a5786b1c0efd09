import Foundation

/// The full nightly scoring of a tenant (lifetime value included), once per tenant day after the nightly hour of its
/// time zone. Off when no hour is set (`autopilot score` from cron instead).
struct NightlyScoringPass: WorkerPass {
    let dependencies: Dependencies
    let hour: Int?
    let memory: ScoreMemory

    var name: String { "nightly-scoring" }
    var scope: WorkerPassScope { .eachTenant }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let catalog = round.tenant, let hour else { return 0 }
        let keeper = ScoreKeeper(dependencies: dependencies, tenantID: catalog.tenantID)
        guard
            let crossed = try await keeper.nightlyIfDue(
                now: round.now, hour: hour, timeZone: TimeZone(identifier: catalog.timeZone) ?? .gmt, memory: memory)
        else { return 0 }
        round.report.nightlyScorings += 1
        round.report.churnCrossings += crossed
        return crossed
    }
}
