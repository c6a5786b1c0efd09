import AutopilotCore
import Engine
import Hummingbird

/// An error as the API answers it: a status and `{"error": {"code", "message", "field"}}`.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var field: String?
    var headers: HTTPFields = [:]

    static func notFound(_ what: String) -> APIError {
        APIError(status: .notFound, code: "not_found", message: "\(what) was not found")
    }

    static func badParameter(_ name: String, _ reason: String) -> APIError {
        APIError(status: .badRequest, code: "invalid_parameter", message: reason, field: name)
    }

    /// The one place domain errors become HTTP answers.
    static func from(_ error: any Error) -> APIError? {
        switch error {
        case let error as APIError: return error
        case let error as ValidationError:
            return APIError(status: .unprocessableContent, code: error.code, message: error.message, field: error.field)
        case let error as NotFoundError:
            return APIError(status: .notFound, code: "not_found", message: error.description)
        case let error as ConflictError:
            return APIError(status: .conflict, code: error.code, message: error.message)
        case let error as RequestError:
            switch error {
            case .malformedJSON(let detail): return APIError(status: .badRequest, code: "malformed_json", message: "the body is not valid JSON: \(detail)")
            }
        case let error as HTTPError:
            switch error.status {
            case .contentTooLarge:
                return APIError(status: .contentTooLarge, code: "payload_too_large", message: "the body is larger than the limit")
            case .notFound: return APIError(status: .notFound, code: "not_found", message: "no such route")
            case .methodNotAllowed: return APIError(status: .methodNotAllowed, code: "method_not_allowed", message: "method not allowed on this route")
            default: return APIError(status: error.status, code: "http_error", message: error.body ?? error.status.reasonPhrase)
            }
        case let error as any HTTPResponseError where error.status == .contentTooLarge:
            return APIError(status: .contentTooLarge, code: "payload_too_large", message: "the body is larger than the limit")
        default: return nil
        }
    }

    var body: JSONValue {
        var detail: JSONObject = ["code": .string(code), "message": .string(message)]
        if let field { detail["field"] = .string(field) }
        return ["error": .object(detail)]
    }
}
