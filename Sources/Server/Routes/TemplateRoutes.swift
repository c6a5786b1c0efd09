import AutopilotCore
import Engine
import Hummingbird

/// `GET/POST /v1/templates`, `GET/PATCH /v1/templates/{id}`, `POST /v1/templates/{id}/activate|archive`.
/// Ids are `NAME`, `NAME@VERSION` or `NAME@builtin` (see `TemplateID`).
struct TemplateRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("templates") { request, context in
            let service = try service(context)
            let parameters = request.uri.queryParameters
            var channel: Channel?
            if let raw = parameters["channel"].map(String.init), !raw.isEmpty {
                guard let value = Channel(rawValue: raw) else { throw APIError.badParameter("channel", "\"\(raw)\" is not email, sms or whatsapp") }
                channel = value
            }
            var status: TemplateStatus?
            if let raw = parameters["status"].map(String.init), !raw.isEmpty {
                guard let value = TemplateStatus(rawValue: raw) else {
                    throw APIError.badParameter("status", "\"\(raw)\" is not draft, active or archived")
                }
                status = value
            }
            let views = try await service.list(channel: channel, status: status)
            return JSONResponse.make(json: ["templates": .array(views.map { .object($0.jsonObject) })], status: .ok)
        }
        group.post("templates") { request, context in
            let service = try service(context)
            let document = try await body(request)
            return JSONResponse.make(json: .object(try await service.create(document).jsonObject), status: .created)
        }
        group.get("templates/:id") { _, context in
            let service = try service(context)
            let id = try context.parameters.require("id")
            return try await answer { try await service.template(id: id) }
        }
        group.patch("templates/:id") { request, context in
            let service = try service(context)
            let id = try context.parameters.require("id")
            let patch = try await body(request)
            return try await answer { try await service.update(id: id, patch: patch) }
        }
        group.post("templates/:id/activate") { _, context in
            let service = try service(context)
            let id = try context.parameters.require("id")
            return try await answer { try await service.activate(id: id) }
        }
        group.post("templates/:id/archive") { _, context in
            let service = try service(context)
            let id = try context.parameters.require("id")
            return try await answer { try await service.archive(id: id) }
        }
    }

    private func service(_ context: AppRequestContext) throws -> TemplateService {
        TemplateService(dependencies: dependencies, tenantID: try context.requireTenant())
    }

    private func answer(_ work: () async throws -> TemplateView) async throws -> Response {
        JSONResponse.make(json: .object(try await work().jsonObject), status: .ok)
    }

    /// The request's JSON object; malformed JSON is a 400, another JSON value a 422.
    private func body(_ request: Request) async throws -> JSONObject {
        try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_template")
    }
}
