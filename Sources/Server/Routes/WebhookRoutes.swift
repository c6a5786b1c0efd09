import AutopilotCore
import Engine
import HTTPTypes
import Hummingbird

/// `POST /v1/webhooks/{provider}/{token}`: Shopify, WooCommerce, Stripe, Twilio and WhatsApp (Meta) call it; the token in the URL names the
/// tenant, the signature over the raw body proves the sender. No API key.
struct WebhookRoutes {
    let dependencies: Dependencies
    let maximumBodyBytes: Int
    let publicBaseURL: String?

    func register(on router: Router<AppRequestContext>) {
        // Meta verifies a WhatsApp webhook URL with a GET before sending anything: echo the challenge.
        router.get("v1/webhooks/:provider/:token") { request, context in
            let provider = try context.parameters.require("provider")
            let token = try context.parameters.require("token")
            let query = request.uri.queryParameters
            let challenge = try await WebhookService(dependencies: dependencies).verifySubscription(
                provider: provider, token: token, mode: query["hub.mode"].map(String.init), verifyToken: query["hub.verify_token"].map(String.init),
                challenge: query["hub.challenge"].map(String.init))
            guard let challenge else {
                throw APIError(category: .forbidden, code: "verification_failed", message: "unknown endpoint or wrong hub.verify_token")
            }
            return JSONResponse.raw(Array(challenge.utf8), status: .ok, contentType: "text/plain; charset=utf-8")
        }
        router.post("v1/webhooks/:provider/:token") { request, context in
            let provider = try context.parameters.require("provider")
            let token = try context.parameters.require("token")
            var request = request
            let body = try await request.collectBody(upTo: maximumBodyBytes)
            var headers: [String: String] = [:]
            for field in request.headers {
                let name = field.name.canonicalName
                headers[name] = headers[name].map { $0 + "," + field.value } ?? field.value
            }
            let receipt = try await WebhookService(dependencies: dependencies).receive(
                provider: provider, token: token, headers: headers, rawBody: Array(body.readableBytesView), url: publicURL(of: request))
            switch receipt.status {
            case 200: return try JSONResponse.make(receipt)
            case 401: throw APIError(category: .unauthenticated, code: "bad_signature", message: receipt.reason ?? "the signature does not match")
            case 404: throw APIError.notFound("webhook endpoint")
            default: throw APIError(category: .malformedRequest, code: "invalid_webhook", message: receipt.reason ?? "the payload cannot be read")
            }
        }
    }

    /// The URL the vendor called (Twilio signs it): AUTOPILOT_PUBLIC_URL when set, else the forwarded or Host header.
    private func publicURL(of request: Request) -> String {
        let pathAndQuery = request.uri.string
        if let base = publicBaseURL { return base + pathAndQuery }
        let scheme = request.headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        let host = request.headers[HTTPField.Name("X-Forwarded-Host")!] ?? request.head.authority ?? "127.0.0.1"
        return "\(scheme)://\(host)\(pathAndQuery)"
    }
}
