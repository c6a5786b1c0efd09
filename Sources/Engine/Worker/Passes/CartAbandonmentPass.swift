import AutopilotCore
import Foundation
import Storage

/// Records `cart.abandoned` for a tenant's open carts idle for the abandonment delay, dated the moment they became abandoned.
struct CartAbandonmentPass: WorkerPass {
    let store: any CartStore & ContactStore
    let pipeline: IngestPipeline
    let delay: TimeInterval
    let batchSize: Int

    var name: String { "carts" }
    var readsDueMoments: Bool { true }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let tenantID = round.tenant?.tenantID else { return 0 }
        guard round.mayBeDue({ [delay] in $0.oldestOpenCartUpdate?.addingTimeInterval(delay) }) else { return 0 }
        let abandoned = try await abandonIdleCarts(tenantID: tenantID, now: round.now)
        round.report.cartsAbandoned += abandoned
        return abandoned
    }

    func abandonIdleCarts(tenantID: String, now: Date) async throws -> Int {
        let carts = try await store.idleCarts(tenantID: tenantID, idleSince: now.addingTimeInterval(-delay), limit: batchSize)
        guard !carts.isEmpty else { return 0 }
        let contacts = try await store.contacts(ids: Set(carts.compactMap(\.contactID)), tenantID: tenantID)
        var events = EngineEvents(pipeline: pipeline, tenantID: tenantID)
        for cart in carts {
            let at = cart.updatedAt.addingTimeInterval(delay)
            events.add(
                .cartAbandoned(cartID: cart.externalID), contact: cart.contactID.flatMap { contacts[$0] }, occurredAt: at,
                key: "cart-abandoned:\(cart.externalID):\(Int64(cart.updatedAt.timeIntervalSince1970 * 1000))")
        }
        try await events.flush()
        return carts.count
    }
}
