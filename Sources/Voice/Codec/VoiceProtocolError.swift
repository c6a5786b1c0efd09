import AutopilotCore

/// A message on a voice WebSocket that cannot be read: which field, and why.
public struct VoiceProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    public var field: String
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(field): \(reason)" }
}
