import AutopilotCore

/// What a tool call gives back: its JSON answer, or the error that stopped it. A caller never gets a thrown error from
/// `ToolRegistry.call`: MCP shows an error as an `isError` result, a model reads it as the tool's answer.
public enum ToolResult: Sendable, Hashable {
    case success(JSONValue)
    case failure(ToolError)

    public var value: JSONValue? {
        if case .success(let value) = self { return value }
        return nil
    }

    public var error: ToolError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    /// The answer as text: the compact JSON, or the error's message.
    public var text: String {
        switch self {
        case .success(let value): value.jsonString
        case .failure(let error): error.message
        }
    }
}
