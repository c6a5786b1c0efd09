/// Input that Autopilot refuses, with the path of the offending field and the reason.
public struct ValidationError: AutopilotError, Equatable, CustomStringConvertible {
    public let code: String
    public let field: String?
    public let message: String

    public init(code: String = "invalid_event", field: String?, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// The same error seen from an enclosing document, e.g. `occurred_at` inside `events[3]`.
    public func nested(under prefix: String) -> ValidationError {
        let path = field.map { $0.hasPrefix("[") ? prefix + $0 : prefix + "." + $0 } ?? prefix
        return ValidationError(code: code, field: path, message: message)
    }

    /// Refused input: 422 over HTTP.
    public var category: ErrorCategory { .invalidInput }

    public var description: String {
        field.map { "\($0): \(message)" } ?? message
    }
}
