import AutopilotCore
import Engine
import Hummingbird

/// The AI features of the API: `POST /v1/templates/draft-from-chat`.
struct AIRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("templates/draft-from-chat") { request, context in
            let assistant = TemplateDraftAssistant(dependencies: dependencies, tenantID: try context.requireTenant())
            let draftRequest = try TemplateDraftRequest(document: try await body(request))
            return JSONResponse.make(json: .object(try await assistant.draft(draftRequest).jsonObject), status: .created)
        }
    }

    /// The request's JSON object; malformed JSON is a 400, another JSON value a 422.
    private func body(_ request: Request) async throws -> JSONObject {
        try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_draft_request")
    }
}
