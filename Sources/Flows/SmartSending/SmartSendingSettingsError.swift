import AutopilotCore

/// A tenant's smart-sending settings that cannot be used, naming the field and the reason.
public struct SmartSendingSettingsError: AutopilotError, Hashable, CustomStringConvertible {
    /// Stable code, e.g. `invalid_time_zone`.
    public var code: String
    /// The settings field, e.g. `sms.sending_window.start`.
    public var field: String?
    /// Human explanation.
    public var message: String

    public init(code: String, field: String, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// Settings that cannot be used: 422 over HTTP.
    public var category: ErrorCategory { .invalidInput }

    public var description: String { "\(field ?? ""): \(message) (\(code))" }
}
