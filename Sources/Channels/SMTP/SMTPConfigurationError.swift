import AutopilotCore

/// A setting of the SMTP sender that cannot be used, naming the variable or field and why.
public struct SMTPConfigurationError: AutopilotError, Hashable, CustomStringConvertible {
    /// `missing_variable`, `invalid_variable` or `invalid_certificate`.
    public var code: String
    /// The environment variable or settings field at fault (`SMTP_PORT`, `trustRoots`).
    public var field: String?
    public var message: String

    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// A setting the operator must fix, like `ConfigurationError`: 500 over HTTP (the details are logged).
    public var category: ErrorCategory { .internal }

    public var description: String { "\(field ?? ""): \(message)" }
}
