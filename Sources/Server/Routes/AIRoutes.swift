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
            do {
                return JSONResponse.make(json: .object(try await assistant.draft(draftRequest).jsonObject), status: .created)
            } catch let error as AIFeatureError {
                throw APIError(status: .badGateway, code: error.code, message: error.message)
            }
        }
    }

    /// The request's JSON object; malformed JSON is a 400, another JSON value a 422.
    private func body(_ request: Request) async throws -> JSONObject {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumBodyBytes)
        let document: JSONValue
        do {
            document = try JSONParser.parse(Array(buffer.readableBytesView))
        } catch {
            throw RequestError.malformedJSON("\(error)")
        }
        guard let object = document.objectValue else {
            throw ValidationError(code: "invalid_draft_request", field: nil, message: "the body is \(document.kindName), expected a JSON object")
        }
        return object
    }
}
