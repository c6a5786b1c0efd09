import AutopilotCore
import Chat
import Engine
import Hummingbird
import Storage

/// The team's side of the visitors' chat, with the tenant's API key: widget keys (`POST/GET /v1/widget-keys`,
/// `POST /v1/widget-keys/{key}/revoke`) and the conversations (`GET /v1/chat/conversations?status=handed_off`,
/// `GET /v1/chat/conversations/{id}` with its messages), the team's answers (`POST /v1/chat/conversations/{id}/replies`
/// `{text, author?, client_message_id?}`) and `POST /v1/chat/conversations/{id}/close` and `…/reopen`.
struct ConversationAdminRoutes {
    let dependencies: Dependencies

    func register(on group: RouterGroup<AppRequestContext>) {
        let keys = WidgetKeyService(dependencies: dependencies)
        let service = ConversationService(dependencies: dependencies)
        group.post("chat/conversations/:id/replies") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: 16 * 1024)
            let view = try await service.reply(
                conversationID: try context.parameters.require("id"), tenantID: tenantID, text: try Self.string(body, "text"),
                author: try Self.string(body, "author"), clientMessageID: try Self.string(body, "client_message_id"))
            return try JSONResponse.make(view, status: view.replayed ? .ok : .created)
        }
        group.post("chat/conversations/:id/close") { _, context in
            try JSONResponse.make(try await service.close(conversationID: try context.parameters.require("id"), tenantID: try context.requireTenant()))
        }
        group.post("chat/conversations/:id/reopen") { _, context in
            try JSONResponse.make(try await service.reopen(conversationID: try context.parameters.require("id"), tenantID: try context.requireTenant()))
        }
        group.post("widget-keys") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: 16 * 1024)
            guard let list = body["origins"]?.arrayValue else {
                throw APIError.badParameter("origins", "is required: a list of origins such as [\"https://shop.example\"]")
            }
            let origins = try list.enumerated().map { index, value in
                guard let text = value.stringValue else { throw APIError.badParameter("origins[\(index)]", "must be a string") }
                return text
            }
            let qualifies: Bool
            switch body["qualifies_leads"] {
            case nil, .null?: qualifies = false
            case .bool(let value)?: qualifies = value
            default: throw APIError.badParameter("qualifies_leads", "must be true or false")
            }
            let record = try await keys.create(tenantID: tenantID, origins: origins, qualifiesLeads: qualifies)
            return try JSONResponse.make(record, status: .created)
        }
        group.get("widget-keys") { _, context in
            try JSONResponse.make(["widget_keys": try await keys.list(tenantID: try context.requireTenant())])
        }
        group.post("widget-keys/:key/revoke") { _, context in
            try await keys.revoke(try context.parameters.require("key"), tenantID: try context.requireTenant())
            return Response(status: .noContent)
        }
        group.get("chat/conversations") { request, context in
            let tenantID = try context.requireTenant()
            let status = try request.uri.queryParameters["status"].map { raw -> ConversationStatus in
                guard let status = ConversationStatus(rawValue: String(raw)) else {
                    throw APIError.badParameter("status", "must be open, handed_off or closed")
                }
                return status
            }
            let conversations = try await dependencies.store.conversations(tenantID: tenantID, status: status, limit: 100)
            return try JSONResponse.make(["conversations": conversations.map { ConversationView($0, messages: []) }])
        }
        group.get("chat/conversations/:id") { _, context in
            let tenantID = try context.requireTenant()
            let id = try context.parameters.require("id")
            guard let conversation = try await dependencies.store.conversation(id: id, tenantID: tenantID) else {
                throw APIError.notFound("conversation")
            }
            let messages = try await dependencies.store.conversationMessages(conversationID: id, tenantID: tenantID, afterSeq: 0, limit: 1000)
            return try JSONResponse.make(ConversationView(conversation, messages: messages))
        }
    }

    /// An optional string field; another type is a 400 naming it.
    static func string(_ body: JSONObject, _ field: String) throws -> String? {
        guard let value = body[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw APIError.badParameter(field, "must be a string") }
        return text
    }
}
