import Assistant
import AutopilotCore
import Engine
import Hummingbird
import Tools

/// MAX over the API, with the tenant's API key: `POST /v1/assistant/messages {text, conversation_id?, client_message_id?}`
/// answers the reply and the drafts waiting; `POST /v1/assistant/conversations/{id}/drafts/{call_id}/confirm` (or
/// `/decline`) settles one; `GET /v1/assistant/conversations` and `GET /v1/assistant/conversations/{id}` read them back.
/// A read-only key talks with MAX on the tools that change nothing, and may not confirm.
struct AssistantRoutes {
    let assistant: AssistantService

    func register(on group: RouterGroup<AppRequestContext>) {
        group.post("assistant/messages") { request, context in
            let caller = try assistantCaller(context)
            let input = try AssistantMessageInput(document: try await JSONBody.object(request, limit: 32 * 1024, emptyAllowed: false))
            let reply = try await assistant.send(input, caller: caller)
            return JSONResponse.make(json: reply.json, status: reply.duplicate ? .ok : .created)
        }
        group.get("assistant/conversations") { _, context in
            let list = try await assistant.conversations(caller: try assistantCaller(context), limit: 100)
            return JSONResponse.make(json: ["conversations": .array(list.map(\.json))], status: .ok)
        }
        group.get("assistant/conversations/:id") { _, context in
            let view = try await assistant.conversation(id: try context.parameters.require("id"), caller: try assistantCaller(context))
            return JSONResponse.make(json: view.json, status: .ok)
        }
        group.post("assistant/conversations/:id/drafts/:call_id/confirm") { _, context in
            let reply = try await assistant.confirm(
                conversationID: try context.parameters.require("id"), callID: try context.parameters.require("call_id"), caller: try assistantCaller(context))
            return JSONResponse.make(json: reply.json, status: .ok)
        }
        group.post("assistant/conversations/:id/drafts/:call_id/decline") { _, context in
            let reply = try await assistant.decline(
                conversationID: try context.parameters.require("id"), callID: try context.parameters.require("call_id"), caller: try assistantCaller(context))
            return JSONResponse.make(json: reply.json, status: .ok)
        }
    }

    private func assistantCaller(_ context: AppRequestContext) throws -> AssistantCaller {
        AssistantCaller.apiKey(tenantID: try context.requireTenant(), prefix: context.apiKeyPrefix ?? "ap_", readOnly: context.readOnlyKey)
    }
}
