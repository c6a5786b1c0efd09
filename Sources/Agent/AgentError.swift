/// Why the agent stopped a turn or refused a request, with a code and a readable message.
public struct AgentError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable, Codable {
        /// The model kept asking for tools past the turn's step limit.
        case stepLimit = "step_limit"
        /// `confirm` or `decline` named a call that is not waiting for the user.
        case unknownCall = "unknown_call"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
