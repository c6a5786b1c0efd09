import Foundation

/// Carries out the runs' due actions (notifications, webhooks, contact updates) through `ActionRunner`.
struct ActionPass: WorkerPass {
    let dependencies: Dependencies
    let settings: FlowEngineSettings

    var name: String { "actions" }
    var readsDueMoments: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard round.mayBeDue(\.actionDue) else { return 0 }
        let done = try await ActionRunner(dependencies: dependencies, settings: settings).runDue(now: round.now)
        round.report.actionsDone += done
        return done
    }
}
