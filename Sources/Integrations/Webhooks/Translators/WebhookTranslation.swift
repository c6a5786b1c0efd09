import AutopilotCore

/// What a translator made of a verified delivery: events to ingest, or a reason to take nothing.
public enum WebhookTranslation: Sendable, Equatable {
    /// Event envelopes in the shape of `POST /v1/events` (see docs/events.md).
    case events([JSONValue])
    /// A delivery that is understood but carries nothing Autopilot records (an unsupported topic, a status without news…).
    case ignored(IgnoreReason)
}

/// Why a verified delivery produced no event. Answered with 200 so the vendor does not retry.
public struct IgnoreReason: Sendable, Equatable, CustomStringConvertible {
    /// A stable code, e.g. `unsupported_topic`, `no_contact`, `status_without_event`.
    public let code: String
    public let message: String

    public init(_ code: String, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}

/// A verified delivery whose content cannot be read: malformed JSON, a missing id, a wrong type.
public struct WebhookPayloadError: AutopilotError, Equatable, CustomStringConvertible {
    /// `malformed_body`, `missing_field`, `invalid_field`, `missing_header` or `invalid_event`.
    public let code: String
    /// The path of the offending field in the vendor's payload (or header name), when there is one.
    public let field: String?
    public let message: String

    public init(code: String, field: String?, message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    /// A delivery that cannot be read: 400 over HTTP.
    public var category: ErrorCategory { .malformedRequest }

    static func missing(_ field: String, _ what: String = "is required") -> WebhookPayloadError {
        WebhookPayloadError(code: "missing_field", field: field, message: "\(field) \(what)")
    }

    static func missingHeader(_ name: String) -> WebhookPayloadError {
        WebhookPayloadError(code: "missing_header", field: name, message: "the \(name) header is required")
    }

    public var description: String {
        field.map { "\(code) (\($0)): \(message)" } ?? "\(code): \(message)"
    }
}
