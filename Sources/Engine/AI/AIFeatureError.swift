/// An AI feature that could not produce its result (the gateway answered, but not with something usable).
public struct AIFeatureError: Error, Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
