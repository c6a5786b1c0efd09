import AutopilotCore
import Engine
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Foundation
import Logging
import NIOCore
import Tools
import Voice

/// The voice agent: `POST /v1/voice/twilio/{token}` (Twilio's voice webhook, signed by `X-Twilio-Signature`) answers
/// TwiML connecting the call to `wss://…/v1/voice/stream/{token}`, the Media Stream the WebSocket upgrade bridges to a
/// realtime model. No API key: the token names the tenant, the signature and the stream's key prove the caller.
struct VoiceRoutes {
    let voice: VoiceService
    let maximumBodyBytes: Int
    let publicBaseURL: String?

    static let streamPrefix = "/v1/voice/stream/"

    func register(on router: Router<AppRequestContext>) {
        router.post("v1/voice/twilio/:token") { request, context in
            let token = try context.parameters.require("token")
            var request = request
            let body = try await request.collectBody(upTo: maximumBodyBytes)
            let base = baseURL(of: request)
            let twiml = try await voice.answer(
                token: token, url: base + request.uri.string, body: Array(body.readableBytesView),
                signature: request.headers[HTTPField.Name("X-Twilio-Signature")!], streamURL: Self.streamURL(base: base, token: token))
            return JSONResponse.raw(Array(twiml.utf8), status: .ok, contentType: "text/xml; charset=utf-8")
        }
    }

    /// With the tenant's API key: `POST /v1/voice/calls` places a call (`place_call`'s input: `contact_id`, `email` or
    /// `phone`, `purpose`, `idempotency_key`; 201 placed, 200 refused with its reason), `GET /v1/voice/calls?days=30` lists
    /// the tenant's calls, newest first.
    func registerAPI(on group: RouterGroup<AppRequestContext>) {
        let registry = ToolRegistry(tools: VoiceTools.all(settings: voice.settings))
        group.post("voice/calls") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_call")
            let toolContext = ToolContext(
                tenantID: tenantID, dependencies: voice.dependencies, caller: ToolCaller(kind: .apiKey, name: context.apiKeyPrefix ?? "api"),
                settings: voice.toolSettings)
            switch await registry.call("place_call", arguments: .object(body), context: toolContext) {
            case .success(let value):
                return JSONResponse.raw(
                    Array(value.jsonString.utf8), status: value["status"] == "placed" ? .created : .ok, contentType: "application/json")
            case .failure(let error):
                let field = error.path.map { $0.hasPrefix("$.") ? String($0.dropFirst(2)) : $0 }
                throw ValidationError(code: error.code == "invalid_input" ? "invalid_call" : error.code, field: field, message: error.reason)
            }
        }
        group.get("voice/calls") { request, context in
            let tenantID = try context.requireTenant()
            let days = try QueryParameters.integer(request, "days", in: 1...366) ?? 30
            guard let log = VoiceCallLog(store: voice.dependencies.store) else { throw APIError.notFound("voice call log") }
            let now = voice.dependencies.clock.now()
            let calls = try await log.calls(tenantID: tenantID, from: now.addingTimeInterval(-Double(days) * 86_400), to: now.addingTimeInterval(60), limit: 500)
            let rows: [JSONValue] = calls.map { call in
                [
                    "call_id": .string(call.callID), "contact_id": call.contactID.map(JSONValue.string) ?? .null,
                    "phone": call.phone.map(JSONValue.string) ?? .null, "direction": .string(call.direction.rawValue),
                    "provider": call.provider.map(JSONValue.string) ?? .null, "language": .string(call.language.rawValue),
                    "status": .string(call.status.rawValue), "reason": call.reason.map(JSONValue.string) ?? .null,
                    "started_at": .string(Timestamp.format(call.startedAt)), "duration_seconds": .int(Int64(call.durationSeconds)),
                    "cost_usd": .double(call.costUSD), "summary": call.summary.map(JSONValue.string) ?? .null,
                    "lead_tier": call.leadTier.map(JSONValue.string) ?? .null,
                    "transcript": .array(call.transcript.map { ["speaker": .string($0.speaker.rawValue), "text": .string($0.text)] }),
                ]
            }
            return JSONResponse.raw(Array(JSONValue.object(["calls": .array(rows)]).jsonString.utf8), status: .ok, contentType: "application/json")
        }
    }

    /// `https://host` → `wss://host/v1/voice/stream/{token}`.
    static func streamURL(base: String, token: String) -> String {
        let socket = base.hasPrefix("https://") ? "wss://" + base.dropFirst(8) : "ws://" + base.dropFirst(base.hasPrefix("http://") ? 7 : 0)
        return socket + streamPrefix + token
    }

    /// AUTOPILOT_PUBLIC_URL when set, else the forwarded or Host header (what Twilio called, which it signs).
    private func baseURL(of request: Request) -> String {
        if let publicBaseURL { return publicBaseURL }
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        let host = request.headers[HTTPField.Name("X-Forwarded-Host")!] ?? request.head.authority ?? "127.0.0.1"
        return "\(scheme)://\(host)"
    }

    /// The server's WebSocket upgrade: only `GET /v1/voice/stream/{token}` is upgraded, and bridged by `voice`.
    static func upgrade(_ voice: VoiceService) -> @Sendable (HTTPRequest, any NIOCore.Channel, Logger) async throws -> ShouldUpgradeResult<
        WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    > {
        { request, _, _ in
            guard request.method == .get, let path = request.path, path.hasPrefix(streamPrefix) else { return .dontUpgrade }
            let token = String(path.dropFirst(streamPrefix.count).prefix { $0 != "?" })
            guard !token.isEmpty, !token.contains("/") else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, _ in
                _ = await voice.stream(token: token, inbound: inbound, outbound: outbound)
            }
        }
    }
}
