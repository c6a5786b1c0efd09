import AutopilotCore

/// An AI feature that could not produce its result (the gateway answered, but not with something usable).
public struct AIFeatureError: AutopilotError, Hashable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    /// The language model answered, but not with something usable: 502 over HTTP.
    public var category: ErrorCategory { .upstreamFailure }

    public var description: String { "\(code): \(message)" }
}
