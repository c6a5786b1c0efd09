import Foundation

/// The dropshipping step (`DropshipPass`): supplier orders queued, placed, tracked, synced. Never throws.
struct DropshippingPass: WorkerPass {
    let dropship: DropshipPass

    var name: String { "dropshipping" }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        await dropship.runDue(now: round.now)
    }
}
