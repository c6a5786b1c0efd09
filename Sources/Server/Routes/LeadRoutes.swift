import AutopilotCore
import Engine
import Hummingbird

/// `POST /v1/leads/qualify` `{"text": "…"}` → BANT fields with evidence, score and tier.
struct LeadRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("leads/qualify") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.document(request, limit: maximumBodyBytes)
            guard let text = body["text"]?.stringValue ?? body["message"]?.stringValue else {
                throw ValidationError(code: "invalid_request", field: "text", message: "is required: {\"text\": \"the lead's message\"}")
            }
            let service = LeadQualificationService(clock: dependencies.clock, ai: dependencies.ai, tenantID: tenantID)
            return try JSONResponse.make(try await service.qualify(text: text))
        }
    }
}
