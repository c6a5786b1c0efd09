import AutopilotCore
import Engine
import Hummingbird

/// What people do to runs: `POST /v1/flows/{id}/start`, `POST /v1/flows/{id}/resume`, `GET /v1/approvals`, `POST /v1/approvals/{id}/approve|reject`,
/// `GET /v1/tasks`, `POST /v1/tasks/{id}/complete`.
struct FlowRunRoutes {
    let dependencies: Dependencies

    struct ActionList: Encodable {
        var items: [FlowActionView]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("flows/:id/start") { request, context in
            let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
            let body = try await JSONBody.object(request)
            guard let contact = try JSONBody.string(body, "contact") else {
                throw ValidationError(code: "invalid_request", field: "contact", message: "is required: the contact's id or email")
            }
            var trigger: JSONObject = [:]
            if let value = body["properties"], value != .null {
                guard let object = value.objectValue else {
                    throw ValidationError(code: "invalid_request", field: "properties", message: "must be a JSON object")
                }
                trigger = object
            }
            let started = try await control.start(
                flowID: try context.parameters.require("id"), contact: contact, trigger: trigger, key: try JSONBody.string(body, "idempotency_key"))
            return try JSONResponse.make(started, status: started.created ? .created : .ok)
        }
        group.post("flows/:id/resume") { _, context in
            let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
            return try JSONResponse.make(try await control.resume(flowID: try context.parameters.require("id")))
        }
        group.get("approvals") { _, context in
            let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
            return try JSONResponse.make(ActionList(items: try await control.openActions(kind: .approval)))
        }
        for (verb, approved) in [("approve", true), ("reject", false)] {
            group.post("approvals/:id/\(verb)") { request, context in
                let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
                let body = try await JSONBody.object(request)
                let view = try await control.decide(
                    approvalID: try context.parameters.require("id"), approved: approved, by: try JSONBody.string(body, "by") ?? "api")
                return try JSONResponse.make(view)
            }
        }
        group.get("tasks") { _, context in
            let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
            return try JSONResponse.make(ActionList(items: try await control.openActions(kind: .task)))
        }
        group.post("tasks/:id/complete") { request, context in
            let control = FlowRunControl(dependencies: dependencies, tenantID: try context.requireTenant())
            let body = try await JSONBody.object(request)
            let view = try await control.complete(
                taskID: try context.parameters.require("id"), by: try JSONBody.string(body, "by") ?? "api", note: try JSONBody.string(body, "note"))
            return try JSONResponse.make(view)
        }
    }
}
