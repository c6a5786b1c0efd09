import Foundation
import Storage

/// Routes a tenant's new events to its flows, batch after batch: exits runs on stop events, starts runs on triggers.
struct RoutingPass: WorkerPass {
    let store: any FlowRunStore
    let batchSize: Int

    var name: String { "routing" }
    var scope: WorkerPassScope { .eachTenant }

    func run(_ round: inout WorkerRound) async throws -> Int {
        guard let catalog = round.tenant else { return 0 }
        // Events recorded by this round's passes for the tenant (idle carts) came after the round's activity read.
        guard round.tenantProgress > 0 || round.tenantMay(\.hasUnroutedEvents) else {
            round.eventsRouted[catalog.tenantID] = 0
            return 0
        }
        let now = round.now
        var routedHere = 0
        while true {
            let routed = try await store.routeEvents(tenantID: catalog.tenantID, limit: batchSize) { batch in
                FlowRouter(catalog: catalog, now: now).route(batch)
            }
            routedHere += routed.events
            if routed.events < batchSize { break }
        }
        round.report.eventsRouted += routedHere
        round.eventsRouted[catalog.tenantID] = routedHere
        return routedHere
    }
}
