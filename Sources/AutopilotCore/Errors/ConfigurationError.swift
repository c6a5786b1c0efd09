/// A configuration value that cannot be used, named with the reason.
public struct ConfigurationError: AutopilotError, CustomStringConvertible, Equatable {
    public let variable: String
    public let reason: String
    public var description: String { "\(variable): \(reason)" }
    public var code: String { "invalid_configuration" }
    public var message: String { reason }
    public var field: String? { variable }
    /// The operator's fault, not the caller's: 500 over HTTP (the details are logged).
    public var category: ErrorCategory { .internal }

    public init(variable: String, reason: String) {
        self.variable = variable
        self.reason = reason
    }
}
