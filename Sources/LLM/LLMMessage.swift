import AutopilotCore

/// Who wrote a message of the conversation.
public enum LLMRole: String, Sendable, Hashable, Codable {
    case user
    case assistant
    case tool
}

/// A function call asked for by the model.
public struct LLMToolCall: Sendable, Hashable, Codable {
    /// The provider's id for the call (generated when the provider gives none, as Gemini may not).
    public var id: String
    /// The tool's name.
    public var name: String
    /// The arguments, as a JSON object. When the provider sent argument text that is not JSON (OpenAI's `arguments` is a
    /// string the model writes), that raw text as a `.string`, so the caller can tell the model what was wrong.
    public var arguments: JSONValue
    /// Opaque state the provider asks to get back with this call in the conversation's history (Gemini's
    /// `thoughtSignature`); nil for the others.
    public var signature: String?

    public init(id: String, name: String, arguments: JSONValue, signature: String? = nil) {
        self.id = id
        self.name = name
        self.arguments = arguments
        self.signature = signature
    }

    /// The arguments as the text OpenAI's `function.arguments` carries: the raw text when it was not JSON.
    var argumentsText: String {
        if case .string(let raw) = arguments { return raw }
        return arguments.jsonString
    }

    /// The arguments as an object for formats that only take objects (Anthropic's `input`, Gemini's `args`).
    var argumentsObject: JSONValue {
        arguments.objectValue != nil ? arguments : .object([:])
    }
}

/// One message of the conversation sent to the model.
public struct LLMMessage: Sendable, Hashable, Codable {
    /// Who wrote it.
    public var role: LLMRole
    /// Its text (for a tool result: the result, usually JSON text).
    public var content: String
    /// For an assistant message: the tool calls it made.
    public var toolCalls: [LLMToolCall]
    /// For a tool result: the id of the call it answers.
    public var toolCallID: String?
    /// For a tool result: the name of the tool that produced it (Gemini needs it).
    public var toolName: String?
    /// For a tool result: whether it reports a failure (Anthropic's `is_error`, Gemini's `error` key).
    public var isError: Bool

    public init(
        role: LLMRole, content: String, toolCalls: [LLMToolCall] = [], toolCallID: String? = nil, toolName: String? = nil,
        isError: Bool = false
    ) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.toolName = toolName
        self.isError = isError
    }

    /// A message from the user.
    public static func user(_ text: String) -> LLMMessage { LLMMessage(role: .user, content: text) }

    /// A message from the model, possibly with the tool calls it made.
    public static func assistant(_ text: String, toolCalls: [LLMToolCall] = []) -> LLMMessage {
        LLMMessage(role: .assistant, content: text, toolCalls: toolCalls)
    }

    /// The result of running a tool the model called; `isError` when it says why the call failed.
    public static func toolResult(callID: String, name: String, content: String, isError: Bool = false) -> LLMMessage {
        LLMMessage(role: .tool, content: content, toolCallID: callID, toolName: name, isError: isError)
    }
}

/// A function the model may call.
public struct LLMTool: Sendable, Hashable {
    /// The name (letters, digits, underscores, dashes).
    public var name: String
    /// What it does, for the model.
    public var description: String
    /// A JSON Schema of an object: the arguments.
    public var parameters: JSONValue

    public init(name: String, description: String, parameters: JSONValue) {
        self.name = name
        self.description = description
        self.parameters = parameters
    }
}

/// A request for an answer in JSON that satisfies a schema.
public struct StructuredOutput: Sendable, Hashable {
    /// A short name for the schema (OpenAI's `json_schema.name`, Anthropic's forced tool name).
    public var name: String
    /// The JSON Schema.
    public var schema: JSONValue
    /// OpenAI strict mode: only set when the schema follows OpenAI's strict rules
    /// (every property required, `additionalProperties: false` everywhere).
    public var strict: Bool

    public init(name: String, schema: JSONValue, strict: Bool = false) {
        self.name = name
        self.schema = schema
        self.strict = strict
    }
}
