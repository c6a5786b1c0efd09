import AutopilotCore
import Hummingbird

/// The one place errors become HTTP answers: a status decided by the error's `ErrorCategory`, and the body
/// `{"error": {"code", "message", "field"}}` (with `issues: [{path, reason}]` when a document has several problems).
/// Wrappers such as a database driver's transaction error are looked through first, so a refusal answers the same on
/// SQLite and PostgreSQL.
struct ErrorResponse: Sendable {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var field: String?
    var issues: [ValidationIssue] = []
    var headers: HTTPFields = [:]

    /// The answer to an unexpected error; its details are logged, never answered.
    static let unexpected = ErrorResponse(
        status: .internalServerError, code: "internal_error", message: "an unexpected error occurred; it has been logged")

    /// The status of each category; no error type names a status itself.
    static func status(of category: ErrorCategory) -> HTTPResponse.Status {
        switch category {
        case .malformedRequest: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .notFound: .notFound
        case .conflict: .conflict
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .invalidInput: .unprocessableContent
        case .rateLimited: .tooManyRequests
        case .upstreamFailure: .badGateway
        case .unavailable: .serviceUnavailable
        case .internal: .internalServerError
        }
    }

    /// The answer to `error`, or nil when it is unexpected (an `.internal` error or one that is not an `AutopilotError`):
    /// the caller logs it and answers `unexpected`.
    static func answer(to error: any Error) -> ErrorResponse? {
        switch unwrappedError(error) {
        case let error as any AutopilotError:
            guard error.category != .internal else { return nil }
            return ErrorResponse(
                status: status(of: error.category), code: error.code, message: error.message, field: error.field, issues: error.issues,
                headers: (error as? APIError)?.headers ?? [:])
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge: return .tooLarge
            case .notFound: return ErrorResponse(status: .notFound, code: "not_found", message: "no such route")
            case .methodNotAllowed:
                return ErrorResponse(status: .methodNotAllowed, code: "method_not_allowed", message: "method not allowed on this route")
            default: return ErrorResponse(status: error.status, code: "http_error", message: error.body ?? error.status.reasonPhrase)
            }
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return .tooLarge
        default:
            return nil
        }
    }

    private static let tooLarge = ErrorResponse(status: .contentTooLarge, code: "payload_too_large", message: "the body is larger than the limit")

    /// `{"error": {"code", "message", "field"?, "issues"?}}`.
    var body: JSONValue {
        var detail: JSONObject = ["code": .string(code), "message": .string(message)]
        if let field { detail["field"] = .string(field) }
        if !issues.isEmpty {
            detail["issues"] = .array(issues.map { ["path": .string($0.path), "reason": .string($0.message)] })
        }
        return ["error": .object(detail)]
    }

    var response: Response {
        JSONResponse.make(json: body, status: status, headers: headers)
    }
}
