import AutopilotCore
import Engine
import Foundation
import Hummingbird

/// The tenant's flows: `GET /v1/flows`, `GET|PUT /v1/flows/{id}`, `POST /v1/flows/{id}/enable|disable|copy` and
/// `GET /v1/flows/{id}/stats?from=&until=`. See docs/flows.md, "Managing flows" and "Analytics".
struct FlowRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct FlowList: Encodable {
        var flows: [FlowSummary]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("flows") { _, context in
            let flows = try await administration(context).list()
            return try JSONResponse.make(FlowList(flows: flows))
        }
        group.get("flows/:id") { _, context in
            try JSONResponse.make(try await administration(context).flow(id: try context.parameters.require("id")))
        }
        group.put("flows/:id") { request, context in
            let document = try await Self.document(request, limit: maximumBodyBytes)
            let saved = try await administration(context).put(id: try context.parameters.require("id"), document: document)
            return try JSONResponse.make(saved.flow, status: saved.created ? .created : .ok)
        }
        group.post("flows") { request, context in
            let document = try await Self.document(request, limit: maximumBodyBytes)
            let installed = try await administration(context).install(document: document)
            return try JSONResponse.make(installed, status: installed.created ? .created : .ok)
        }
        group.post("flows/:id/split/end") { request, context in
            let body = try await JSONBody.document(request, limit: maximumBodyBytes)
            guard let winner = body["winner"]?.stringValue, !winner.isEmpty else {
                throw ValidationError(code: "invalid_request", field: "winner", message: "is required: {\"winner\": \"b\"}")
            }
            let tenantID = try context.requireTenant()
            let flowID = try context.parameters.require("id")
            let experiments = FlowExperiments(store: dependencies.store, tenantID: tenantID)
            _ = try await experiments.end(flowID: flowID, winner: winner, by: body["by"]?.stringValue ?? "api", now: dependencies.clock.now())
            let analytics = FlowAnalytics(store: dependencies.store, tenantID: tenantID)
            return try JSONResponse.make(try await analytics.experiment(flowID: flowID), status: .created)
        }
        group.post("flows/:id/enable") { _, context in
            try JSONResponse.make(try await administration(context).enable(id: try context.parameters.require("id")))
        }
        group.post("flows/:id/disable") { _, context in
            try JSONResponse.make(try await administration(context).disable(id: try context.parameters.require("id")))
        }
        group.post("flows/:id/copy") { request, context in
            let body = try await JSONBody.document(request, limit: maximumBodyBytes)
            guard let newID = body["id"]?.stringValue else {
                throw ValidationError(code: "invalid_request", field: "id", message: "is required: {\"id\": \"my-abandoned-cart\"}")
            }
            let copied = try await administration(context).copy(id: try context.parameters.require("id"), to: newID)
            return try JSONResponse.make(copied, status: .created)
        }
        group.get("flows/:id/stats") { request, context in
            let from = try Self.time(request, "from")
            let until = try Self.time(request, "until")
            let analytics = FlowAnalytics(store: dependencies.store, tenantID: try context.requireTenant())
            return try JSONResponse.make(try await analytics.stats(flowID: try context.parameters.require("id"), from: from, until: until))
        }
    }

    private func administration(_ context: AppRequestContext) throws -> FlowAdministration {
        FlowAdministration(dependencies: dependencies, tenantID: try context.requireTenant())
    }

    /// The flow document of a PUT: YAML or JSON by Content-Type (`application/json`, `application/yaml`, `text/yaml`, …;
    /// none: read as the text says). Anything else is 415.
    static func document(_ request: Request, limit: Int) async throws -> String {
        var request = request
        let type = request.headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let isJSON = type == "application/json" || type.hasSuffix("+json")
        let isYAML = ["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"].contains(type) || type.hasSuffix("+yaml")
        guard type.isEmpty || isJSON || isYAML else {
            throw APIError(
                category: .unsupportedMediaType, code: "unsupported_media_type",
                message: "send the flow as application/json or application/yaml, not \(type)", field: "Content-Type")
        }
        let buffer = try await request.collectBody(upTo: limit)
        guard let text = String(bytes: buffer.readableBytesView, encoding: .utf8) else {
            throw ValidationError(code: "unreadable_flow", field: "body", message: "the body is not UTF-8 text")
        }
        if text.unicodeScalars.contains("\u{0}") {
            throw ValidationError(code: "invalid_flow", field: "body", message: "the flow contains a NUL character (U+0000)")
        }
        if isJSON {
            _ = try JSONParser.parseRequest(Array(buffer.readableBytesView))
            guard text.drop(while: \.isWhitespace).first == "{" else {
                throw ValidationError(code: "invalid_flow", field: "body", message: "a JSON flow is an object: {\"id\": …, \"steps\": […]}")
            }
        }
        return text
    }

    /// An optional ISO 8601 query parameter.
    static func time(_ request: Request, _ name: String) throws -> Date? {
        guard let raw = request.uri.queryParameters[Substring(name)].map(String.init), !raw.isEmpty else { return nil }
        guard let date = Timestamp.parse(raw) else {
            throw APIError.badParameter(name, "\"\(raw)\" is not an ISO 8601 time such as 2026-03-01T00:00:00Z")
        }
        return date
    }
}
