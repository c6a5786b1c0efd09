import AutopilotCore
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
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
    static func upgrade(_ voice: VoiceService) -> @Sendable (HTTPRequest, any Channel, Logger) async throws -> ShouldUpgradeResult<
        WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    > {
        { request, _, _ in
            guard request.method == .get, let path = request.path, path.hasPrefix(streamPrefix) else { return .dontUpgrade }
            let token = String(path.dropFirst(streamPrefix.count).prefix { $0 != "?" })
            guard !token.isEmpty, !token.contains("/") else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, _ in
                await voice.stream(token: token, inbound: inbound, outbound: outbound)
            }
        }
    }
}
