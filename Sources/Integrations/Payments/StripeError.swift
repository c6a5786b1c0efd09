import AutopilotCore

/// Stripe refused or could not be reached. `type` is Stripe's (`invalid_request_error`, `authentication_error`,
/// `rate_limit_error`, `api_error`, `idempotency_error`…) or `api_connection_error` when no answer came; `param` names
/// the parameter Stripe objected to.
public struct StripeError: AutopilotError, Hashable, CustomStringConvertible {
    public var type: String
    public var message: String
    public var param: String?
    public var stripeCode: String?
    public var status: Int?

    public init(type: String, message: String, param: String? = nil, stripeCode: String? = nil, status: Int? = nil) {
        self.type = type
        self.message = message
        self.param = param
        self.stripeCode = stripeCode
        self.status = status
    }

    public var code: String { "stripe_" + type }
    public var field: String? { param }

    /// A request Stripe finds invalid is the caller's to fix (422); no answer, a rate limit or Stripe's own failure is
    /// unavailability (503); a refused key or anything else is an upstream failure (502).
    public var category: ErrorCategory {
        switch type {
        case "invalid_request_error" where status == 400 || status == 402: .invalidInput
        case "api_connection_error", "rate_limit_error", "api_error": .unavailable
        default: .upstreamFailure
        }
    }

    public var description: String { "Stripe: \(status.map { "HTTP \($0), " } ?? "")\(type): \(message)" }

    /// Reads Stripe's error answer `{"error": {"type", "message", "param", "code"}}`; an unreadable one keeps the status.
    static func from(status: Int, body: String) -> StripeError {
        let error = (try? JSONParser.parse(body))?["error"]
        let fallback = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error"
        return StripeError(
            type: error?["type"]?.stringValue ?? fallback, message: error?["message"]?.stringValue ?? "HTTP \(status): \(body.prefix(200))",
            param: error?["param"]?.stringValue, stripeCode: error?["code"]?.stringValue, status: status)
    }
}
