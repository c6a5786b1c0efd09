import AutopilotCore
import Engine
import Foundation
import Hummingbird

/// `GET /v1/orders/{id}/routing`: how an order's lines split between dropshipping suppliers, and its supplier orders.
struct OrderRoutingRoutes {
    let dependencies: Dependencies
    /// AUTOPILOT_SUPPLIER_PREFIXES (the worker refuses to start when it is invalid), else the default table.
    let routing: OrderRoutingTable

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("orders/:id/routing") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let report = try await OrderRoutingReport.load(store: dependencies.store, tenantID: tenantID, orderID: id, table: routing) else {
                throw APIError.notFound("order \(id)")
            }
            return try JSONResponse.make(report)
        }
    }
}
