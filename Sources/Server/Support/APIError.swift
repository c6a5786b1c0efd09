import AutopilotCore
import Hummingbird

/// A refusal decided by the HTTP layer itself (a bad query parameter, a missing API key, a rate limit), in the same shape
/// as the domain errors; `ErrorResponse` answers it like any other `AutopilotError`, with its extra `headers`.
struct APIError: AutopilotError {
    var category: ErrorCategory
    var code: String
    var message: String
    var field: String?
    /// Headers the answer carries (`WWW-Authenticate`, `Retry-After`).
    var headers: HTTPFields = [:]

    static func notFound(_ what: String) -> APIError {
        APIError(category: .notFound, code: "not_found", message: "\(what) was not found")
    }

    static func badParameter(_ name: String, _ reason: String) -> APIError {
        APIError(category: .malformedRequest, code: "invalid_parameter", message: reason, field: name)
    }
}
