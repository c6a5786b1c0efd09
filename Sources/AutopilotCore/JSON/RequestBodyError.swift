/// Why a request body was refused before any field was read.
public enum RequestBodyError: AutopilotError, Equatable {
    /// Not JSON, a key twice in one object, or bytes that are not UTF-8: 400.
    case syntax(JSONParser.SyntaxError)
    /// A string holding U+0000, at `path`: 422 naming the field.
    case nulCharacter(path: String)

    public var category: ErrorCategory {
        switch self {
        case .syntax: .malformedRequest
        case .nulCharacter: .invalidInput
        }
    }

    public var code: String {
        switch self {
        case .syntax: "malformed_json"
        case .nulCharacter: "invalid_request"
        }
    }

    public var message: String {
        switch self {
        case .syntax(let error): "the body is not valid JSON: \(error.description)"
        case .nulCharacter(let path): "\(path) must not contain the NUL character (\\u0000)"
        }
    }

    /// The field the error is about, when it is about one.
    public var field: String? {
        if case .nulCharacter(let path) = self { return path }
        return nil
    }
}
