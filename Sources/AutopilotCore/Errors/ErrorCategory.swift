/// What kind of refusal or failure an `AutopilotError` is. The HTTP layer decides the status code from the category
/// alone, in one place (`Server/Support/ErrorResponse.swift`); no error type names a status itself.
public enum ErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// The request cannot be read at all (malformed JSON, an unknown query parameter value): 400.
    case malformedRequest = "malformed_request"
    /// No valid credentials (a missing or wrong API key, a bad webhook signature): 401.
    case unauthenticated
    /// Understood but refused for this caller (a wrong verification token): 403.
    case forbidden
    /// Something asked for by id that the tenant does not have: 404.
    case notFound = "not_found"
    /// The request conflicts with the current state (a taken id, a concurrent edit): 409.
    case conflict
    /// The body is larger than the limit: 413.
    case tooLarge = "too_large"
    /// The body is in a format the route does not read: 415.
    case unsupportedMediaType = "unsupported_media_type"
    /// Input that is readable but refused, naming the field: 422.
    case invalidInput = "invalid_input"
    /// Too many requests for now: 429.
    case rateLimited = "rate_limited"
    /// A provider Autopilot depends on answered, but not with something usable: 502.
    case upstreamFailure = "upstream_failure"
    /// A dependency cannot be reached or is not configured right now: 503.
    case unavailable
    /// A fault of Autopilot itself: 500 (the details are logged, not answered).
    case `internal`
}
