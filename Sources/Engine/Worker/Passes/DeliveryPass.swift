import Foundation

/// Sends the outbox's due messages: one call to the dispatcher per round.
struct DeliveryPass: WorkerPass {
    let dispatcher: MessageDispatcher

    var name: String { "delivery" }
    var readsDueMoments: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard round.mayBeDue(\.messageDue) else { return 0 }
        let dispatched = try await dispatcher.dispatchBatch(now: round.now)
        round.report.messagesDispatched += dispatched
        return dispatched
    }
}
