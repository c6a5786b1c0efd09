import AutopilotCore
import Chat
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// The visitors' chat API, opened by a tenant's public widget key (`X-Widget-Key`) from one of its allowed origins:
/// `POST /v1/conversations` `{visitor_id, language?}` starts one; `POST /v1/conversations/{id}/messages`
/// `{visitor_id, text, client_message_id?}` sends a message and answers the agent's replies (a retry with the same
/// `client_message_id` answers the stored ones); `GET /v1/conversations/{id}/messages?visitor_id=&after=` lists what
/// came after a position (the team's answers after a hand-off). Rate limited per visitor and per address.
struct ConversationRoutes {
    let service: ConversationService
    let keys: WidgetKeyService
    let visitorLimiter: RateLimiter
    let addressLimiter: RateLimiter

    init(dependencies: Dependencies, capabilities: ChatCapabilities?, limits: ChatLimits) {
        service = ConversationService(dependencies: dependencies, capabilities: capabilities)
        keys = WidgetKeyService(dependencies: dependencies)
        visitorLimiter = RateLimiter(rate: limits.visitorPerSecond, burst: limits.visitorBurst, clock: dependencies.clock)
        addressLimiter = RateLimiter(rate: limits.addressPerSecond, burst: limits.addressBurst, clock: dependencies.clock)
    }

    func register(on group: RouterGroup<AppRequestContext>) {
        group.on("conversations", method: .options) { _, _ in Response(status: .noContent) }
        group.on("conversations/:id/messages", method: .options) { _, _ in Response(status: .noContent) }
        group.post("conversations") { request, context in
            let (widget, body) = try await admit(request, context)
            let view = try await service.start(
                widget: widget, visitorID: try Self.string(body, "visitor_id"), language: try Self.string(body, "language"))
            return try JSONResponse.make(view, status: .created)
        }
        group.post("conversations/:id/messages") { request, context in
            let (widget, body) = try await admit(request, context)
            let view = try await service.post(
                conversationID: try context.parameters.require("id"), widget: widget, visitorID: try Self.string(body, "visitor_id"),
                text: try Self.string(body, "text"), clientMessageID: try Self.string(body, "client_message_id"))
            return try JSONResponse.make(view, status: view.replayed ? .ok : .created)
        }
        group.get("conversations/:id/messages") { request, context in
            let widget = try await keys.authorize(key: request.headers[.widgetKey], origin: request.headers[.origin])
            let parameters = request.uri.queryParameters
            let visitorID = parameters["visitor_id"].map(String.init)
            try limit(visitorID.map { widget.tenantID + "/" + $0 }, context)
            let after = try parameters["after"].map { raw -> Int in
                guard let value = Int(String(raw)), value >= 0 else { throw APIError.badParameter("after", "must be a position ≥ 0") }
                return value
            }
            let view = try await service.messages(
                conversationID: try context.parameters.require("id"), widget: widget, visitorID: visitorID, afterSeq: after ?? 0)
            return try JSONResponse.make(view)
        }
    }

    /// The widget key and origin checked, the body read, and the address's and visitor's buckets charged.
    private func admit(_ request: Request, _ context: AppRequestContext) async throws -> (WidgetKeyRecord, JSONObject) {
        let widget = try await keys.authorize(key: request.headers[.widgetKey], origin: request.headers[.origin])
        let body = try await Self.object(request)
        try limit(try Self.string(body, "visitor_id").map { widget.tenantID + "/" + $0 }, context)
        return (widget, body)
    }

    /// The body as a JSON object of at most 16 KB; anything else is a 400.
    private static func object(_ request: Request) async throws -> JSONObject {
        var request = request
        let buffer = try await request.collectBody(upTo: 16 * 1024)
        let value: JSONValue
        do {
            value = try JSONParser.parseRequest(Array(buffer.readableBytesView))
        } catch {
            // A NUL in a visitor's text is a 422 naming its field (PostgreSQL cannot store it); anything else is not JSON.
            if case .nulCharacter = error { throw error }
            throw ChatInputError(field: nil, message: "the body must be a JSON object")
        }
        guard let object = value.objectValue else { throw ChatInputError(field: nil, message: "the body must be a JSON object") }
        return object
    }

    /// An optional string field; another type is a 400 naming it.
    private static func string(_ body: JSONObject, _ field: String) throws -> String? {
        guard let value = body[field], value != .null else { return nil }
        guard let text = value.stringValue else { throw ChatInputError(field: field, message: "must be a string") }
        return text
    }

    private func limit(_ visitor: String?, _ context: AppRequestContext) throws {
        let address = context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = addressLimiter.acquire(address) ?? visitor.flatMap(visitorLimiter.acquire) {
            let seconds = max(1, Int(wait.rounded(.up)))
            throw APIError(
                category: .rateLimited, code: "rate_limited", message: "too many messages; retry in \(seconds) s",
                headers: [.retryAfter: String(seconds)])
        }
    }
}

extension HTTPField.Name {
    /// The tenant's public widget key.
    static let widgetKey = HTTPField.Name("X-Widget-Key")!
}
