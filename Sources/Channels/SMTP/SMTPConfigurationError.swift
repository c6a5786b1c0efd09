/// A setting of the SMTP sender that cannot be used, naming the variable or field and why.
public struct SMTPConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `missing_variable`, `invalid_variable` or `invalid_certificate`.
    public var code: String
    /// The environment variable or settings field at fault (`SMTP_PORT`, `trustRoots`).
    public var field: String
    public var message: String

    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}
