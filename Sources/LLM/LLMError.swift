/// A failure of one call to a provider, or of the whole chain, with a stable code and a human message.
public struct LLMError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// What went wrong, as a stable machine-readable code (also what accounting records as the outcome).
    public enum Code: String, Sendable, Hashable, Codable {
        /// The attempt took longer than its timeout.
        case timeout
        /// The connection could not be made or broke.
        case connection
        /// 429: too many requests for now.
        case rateLimited = "rate_limited"
        /// 429/402 (or Anthropic's spend-limit 400) meaning quota or billing is exhausted: do not retry here.
        case quotaExhausted = "quota_exhausted"
        /// Anthropic 529 `overloaded_error`.
        case overloaded
        /// 5xx from the provider.
        case server
        /// 408 or 409: the provider asks to try again.
        case retryableClient = "retryable_client"
        /// 400, 413, 422 and other 4xx: the provider refused this request as written.
        case badRequest = "bad_request"
        /// 401/403: the key is missing, wrong or not allowed.
        case authentication
        /// 404: unknown model or path.
        case notFound = "not_found"
        /// The body is not JSON, or not the provider's documented shape.
        case malformedResponse = "malformed_response"
        /// The answer does not satisfy the request's JSON Schema (after the repair attempt).
        case schemaViolation = "schema_violation"
        /// The provider's circuit breaker is open: the provider was skipped.
        case circuitOpen = "circuit_open"
        /// The request's deadline passed before an answer.
        case deadlineExceeded = "deadline_exceeded"
        /// No provider could answer and falling back to the offline provider is disabled.
        case allProvidersFailed = "all_providers_failed"
        /// The configuration is invalid (bad URL, unknown provider name…).
        case configuration
    }

    /// The stable code.
    public var code: Code
    /// A human message naming what failed and why.
    public var message: String
    /// The HTTP status when the provider answered with one.
    public var status: Int?
    /// The provider's Retry-After, in seconds, when it sent one.
    public var retryAfterSeconds: Double?
    /// The provider that failed, when known.
    public var provider: String?

    /// Creates an error.
    public init(_ code: Code, _ message: String, status: Int? = nil, retryAfterSeconds: Double? = nil, provider: String? = nil) {
        self.code = code
        self.message = message
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.provider = provider
    }

    /// Whether the same provider may be tried again for this request (with backoff).
    public var isRetryableOnSameProvider: Bool {
        switch code {
        case .timeout, .connection, .rateLimited, .overloaded, .server, .retryableClient: return true
        default: return false
        }
    }

    /// Whether this failure says something about the provider's health (counts toward its circuit breaker).
    public var countsAgainstProvider: Bool {
        switch code {
        case .timeout, .connection, .rateLimited, .quotaExhausted, .overloaded, .server, .authentication, .notFound,
            .malformedResponse:
            return true
        default: return false
        }
    }

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let provider { text = "\(provider) " + text }
        if let status { text += " (HTTP \(status))" }
        return text
    }
}
