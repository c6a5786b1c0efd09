import Foundation

/// The dropshipping step (`DropshipPass`): supplier orders queued, placed, tracked, synced. Never throws. The tenants'
/// dropshipping settings are kept between rounds and read again when a tenant's state version moves.
struct DropshippingPass: WorkerPass {
    let dropship: DropshipPass
    let memo = TenantStateMemo<DropshippingSettings>()

    var name: String { "dropshipping" }
    var firstRoundOnly: Bool { true }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let activity = round.activity else { return await dropship.runDue(now: round.now) }
        return await dropship.runDue(now: round.now) {
            let values = try await memo.values(for: activity) { try await dropship.tenantSettings(tenantID: $0) }
            return Dictionary(values, uniquingKeysWith: { first, _ in first })
        }
    }
}
