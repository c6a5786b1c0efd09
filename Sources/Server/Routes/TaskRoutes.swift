import AutopilotCore
import Engine
import Hummingbird

/// Tasks for the team (support tickets, hand-offs, booked callbacks): `POST /v1/team-tasks`,
/// `GET /v1/team-tasks?status=&kind=&contact_id=`, `GET /v1/team-tasks/{id}`, `PATCH /v1/team-tasks/{id}`
/// `{"status": "done" | "cancelled"}`. (`/v1/tasks` keeps the tasks flows create at a `task` step.)
struct TaskRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    struct TaskList: Encodable {
        var tasks: [TaskView]
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        let service = TaskService(dependencies: dependencies)
        group.post("team-tasks") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_task")
            let task = try NewTask(json: body, createdBy: "api")
            guard task.kind != .callback else {
                throw ValidationError(code: "invalid_task", field: "kind", message: "book callbacks with POST /v1/callbacks, which checks the slot")
            }
            let created = try await service.create(task, tenantID: tenantID)
            return try JSONResponse.make(created, status: created.created ? .created : .ok)
        }
        group.get("team-tasks") { request, context in
            let tenantID = try context.requireTenant()
            let status = try QueryParameters.choice(request, "status", TaskStatus.allCases.map(\.rawValue)).flatMap(TaskStatus.init(rawValue:))
            let kind = try QueryParameters.choice(request, "kind", TaskKind.allCases.map(\.rawValue)).flatMap(TaskKind.init(rawValue:))
            let contactID = request.uri.queryParameters["contact_id"].map(String.init)
            let limit = try QueryParameters.integer(request, "limit", in: 1...500) ?? 50
            let offset = try QueryParameters.integer(request, "offset", in: 0...1_000_000) ?? 0
            let tasks = try await service.list(tenantID: tenantID, status: status, kind: kind, contactID: contactID, limit: limit, offset: offset)
            return try JSONResponse.make(TaskList(tasks: tasks))
        }
        group.get("team-tasks/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let task = try await service.task(id: id, tenantID: tenantID) else { throw APIError.notFound("task \(id)") }
            return try JSONResponse.make(task)
        }
        group.patch("team-tasks/:id") { request, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_task")
            guard let text = try JSONBody.string(body, "status") else { throw ValidationError(code: "invalid_task", field: "status", message: "is required") }
            guard let status = TaskStatus(rawValue: text), status != .open else {
                throw ValidationError(code: "invalid_task", field: "status", message: "\"\(text)\" is not done or cancelled")
            }
            guard let task = try await service.setStatus(id: id, tenantID: tenantID, status: status) else { throw APIError.notFound("task \(id)") }
            return try JSONResponse.make(task)
        }
    }
}
