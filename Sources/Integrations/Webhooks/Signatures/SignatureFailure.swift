import AutopilotCore

/// Why a webhook's signature was refused. The HTTP layer answers 401 and ingests nothing.
public struct SignatureFailure: AutopilotError, Equatable, CustomStringConvertible {
    /// Stable codes, safe to log and to return to the caller.
    public enum Reason: String, Sendable, Equatable {
        /// No signing secret is configured for this provider, so nothing can be trusted.
        case missingSecret = "missing_secret"
        case missingSignature = "missing_signature"
        case malformedSignature = "malformed_signature"
        case badSignature = "bad_signature"
        case missingTimestamp = "missing_timestamp"
        case staleTimestamp = "stale_timestamp"
        case futureTimestamp = "future_timestamp"
        /// The body could not be read the way the signature covers it (e.g. broken form encoding).
        case malformedBody = "malformed_body"
    }

    public let reason: Reason
    /// A human message naming the header and what is wrong with it.
    public let message: String

    public init(_ reason: Reason, _ message: String) {
        self.reason = reason
        self.message = message
    }

    public var code: String { reason.rawValue }
    /// An unsigned or wrongly signed delivery: 401 over HTTP.
    public var category: ErrorCategory { .unauthenticated }
    public var description: String { "\(reason.rawValue): \(message)" }
}
