import AutopilotCore
import Engine
import Hummingbird

/// Broadcasts (docs/broadcasts.md): `GET /v1/broadcasts`, `POST /v1/broadcasts` (the document), `GET /v1/broadcasts/{id}`
/// (with its report), `POST /v1/broadcasts/{id}/pause|resume|cancel`.
struct BroadcastRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct BroadcastList: Encodable {
        var broadcasts: [BroadcastView]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = BroadcastService(dependencies: dependencies)
        group.get("broadcasts") { _, context in
            let tenantID = try context.requireTenant()
            return try JSONResponse.make(BroadcastList(broadcasts: try await service.list(tenantID: tenantID)))
        }
        group.post("broadcasts") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_broadcast")
            return try JSONResponse.make(try await service.create(body, tenantID: tenantID), status: .created)
        }
        group.get("broadcasts/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let broadcast = try await service.broadcast(id: id, tenantID: tenantID) else { throw APIError.notFound("broadcast \(id)") }
            return try JSONResponse.make(broadcast)
        }
        group.post("broadcasts/:id/pause") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let broadcast = try await service.pause(id: id, tenantID: tenantID) else { throw APIError.notFound("broadcast \(id)") }
            return try JSONResponse.make(broadcast)
        }
        group.post("broadcasts/:id/resume") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let broadcast = try await service.resume(id: id, tenantID: tenantID) else { throw APIError.notFound("broadcast \(id)") }
            return try JSONResponse.make(broadcast)
        }
        group.post("broadcasts/:id/cancel") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let broadcast = try await service.cancel(id: id, tenantID: tenantID) else { throw APIError.notFound("broadcast \(id)") }
            return try JSONResponse.make(broadcast)
        }
    }
}
