import AutopilotCore

/// A problem with scoring input: a code, the field it concerns and a human message.
public struct ScoringInputError: AutopilotError, Codable, Hashable, CustomStringConvertible {
    /// A stable machine-readable code, e.g. `invalid_csv`.
    public var code: String
    /// The field or location, e.g. `line 12, column date`.
    public var field: String?
    /// What is wrong, for a person.
    public var message: String

    /// Creates an error.
    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// Input that cannot be scored: 422 over HTTP.
    public var category: ErrorCategory { .invalidInput }

    public var description: String { "\(code) at \(field ?? ""): \(message)" }
}
