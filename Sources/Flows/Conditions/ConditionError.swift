import AutopilotCore

/// A problem found in a condition, with the 1-based column where it starts.
public struct ConditionError: AutopilotError, Hashable, CustomStringConvertible {
    public var column: Int
    public var message: String

    public init(column: Int, message: String) {
        self.column = column
        self.message = message
    }

    public var code: String { "invalid_condition" }
    public var category: ErrorCategory { .invalidInput }
    public var description: String { "\(message) (column \(column))" }
}
