import AutopilotCore
import LLM

/// A tool result as the test server found it in a request body, in the provider's own format.
public struct WireToolResult: Sendable, Hashable {
    /// OpenAI's `tool_call_id`, Anthropic's `tool_use_id`, Gemini's function `name`.
    public var reference: String
    /// The result: the text content, or for Gemini the `response` object as JSON text.
    public var content: String
    /// Anthropic's `is_error`, Gemini's `error` key; always false for OpenAI (no such field).
    public var isError: Bool
}

/// How one provider's documented wire format asks for a tool, answers, and carries tool results back.
public struct ProviderScript: Sendable, CustomStringConvertible {
    public var kind: ProviderKind

    public init(kind: ProviderKind) {
        self.kind = kind
    }

    public var description: String { kind.rawValue }

    /// The model asks for `name` with `arguments`: JSON text for OpenAI/xAI, else parsed (it must then be JSON).
    public func toolCall(id: String, name: String, arguments: String) -> JSONValue {
        let parsed = (try? JSONParser.parse(arguments)) ?? .object([:])
        switch kind {
        case .openai, .xai, .compatible:
            return [
                "id": "chatcmpl-1", "object": "chat.completion", "model": .string(kind.defaultModel),
                "choices": [
                    [
                        "index": 0, "finish_reason": "tool_calls",
                        "message": [
                            "role": "assistant", "content": nil,
                            "tool_calls": [
                                ["id": .string(id), "type": "function", "function": ["name": .string(name), "arguments": .string(arguments)]]
                            ],
                        ],
                    ]
                ],
                "usage": ["prompt_tokens": 200, "completion_tokens": 30, "total_tokens": 230],
            ]
        case .anthropic:
            return [
                "id": "msg_1", "type": "message", "role": "assistant", "model": .string(kind.defaultModel), "stop_reason": "tool_use",
                "content": [
                    ["type": "text", "text": "Je regarde."],
                    ["type": "tool_use", "id": .string(id), "name": .string(name), "input": parsed],
                ],
                "usage": ["input_tokens": 200, "output_tokens": 30],
            ]
        case .gemini:
            return [
                "candidates": [
                    [
                        "content": [
                            "role": "model", "parts": [["functionCall": ["name": .string(name), "args": parsed], "thoughtSignature": "c2lnLTE="]],
                        ],
                        "finishReason": "STOP", "index": 0,
                    ]
                ],
                "usageMetadata": ["promptTokenCount": 200, "candidatesTokenCount": 30, "totalTokenCount": 230],
                "modelVersion": .string(kind.defaultModel),
            ]
        }
    }

    /// The model's final text answer.
    public func answer(_ text: String) -> JSONValue {
        switch kind {
        case .openai, .xai, .compatible:
            return [
                "id": "chatcmpl-2", "object": "chat.completion", "model": .string(kind.defaultModel),
                "choices": [["index": 0, "finish_reason": "stop", "message": ["role": "assistant", "content": .string(text)]]],
                "usage": ["prompt_tokens": 260, "completion_tokens": 12, "total_tokens": 272],
            ]
        case .anthropic:
            return [
                "id": "msg_2", "type": "message", "role": "assistant", "model": .string(kind.defaultModel), "stop_reason": "end_turn",
                "content": [["type": "text", "text": .string(text)]], "usage": ["input_tokens": 260, "output_tokens": 12],
            ]
        case .gemini:
            return [
                "candidates": [["content": ["role": "model", "parts": [["text": .string(text)]]], "finishReason": "STOP", "index": 0]],
                "usageMetadata": ["promptTokenCount": 260, "candidatesTokenCount": 12, "totalTokenCount": 272],
                "modelVersion": .string(kind.defaultModel),
            ]
        }
    }

    /// The tool results at the end of a request body, in this provider's format (empty when the conversation does not
    /// end with tool results).
    public func trailingToolResults(_ body: JSONValue) -> [WireToolResult] {
        switch kind {
        case .openai, .xai, .compatible:
            let messages = body["messages"]?.arrayValue ?? []
            return messages.reversed().prefix { $0["role"] == "tool" }.reversed().map { message in
                WireToolResult(
                    reference: message["tool_call_id"]?.stringValue ?? "", content: message["content"]?.stringValue ?? "", isError: false)
            }
        case .anthropic:
            guard let last = body["messages"]?.arrayValue?.last, last["role"] == "user" else { return [] }
            return (last["content"]?.arrayValue ?? []).filter { $0["type"] == "tool_result" }.map { block in
                WireToolResult(
                    reference: block["tool_use_id"]?.stringValue ?? "", content: block["content"]?.stringValue ?? "",
                    isError: block["is_error"]?.boolValue ?? false)
            }
        case .gemini:
            guard let last = body["contents"]?.arrayValue?.last, last["role"] == "user" else { return [] }
            return (last["parts"]?.arrayValue ?? []).compactMap { $0["functionResponse"] }.map { response in
                WireToolResult(
                    reference: response["name"]?.stringValue ?? "", content: response["response"]?.jsonString ?? "",
                    isError: response["response"]?["error"] != nil)
            }
        }
    }

    /// Whether the request asks for structured output (OpenAI `response_format`, Anthropic's forced `tool_choice`,
    /// Gemini's `responseSchema`) rather than a turn of the conversation.
    public func asksForStructuredOutput(_ body: JSONValue) -> Bool {
        switch kind {
        case .openai, .xai, .compatible: return body["response_format"] != nil
        case .anthropic: return body["tool_choice"]?["type"] == "tool"
        case .gemini: return body["generationConfig"]?["responseSchema"] != nil || body["generationConfig"]?["responseJsonSchema"] != nil
        }
    }

    /// A structured answer `value` in this provider's format (Anthropic: the forced tool's input).
    public func structuredAnswer(_ value: JSONValue, toolName: String) -> JSONValue {
        switch kind {
        case .anthropic:
            return [
                "id": "msg_3", "type": "message", "role": "assistant", "model": .string(kind.defaultModel), "stop_reason": "tool_use",
                "content": [["type": "tool_use", "id": "toolu_structured", "name": .string(toolName), "input": value]],
                "usage": ["input_tokens": 300, "output_tokens": 80],
            ]
        default:
            return answer(value.jsonString)
        }
    }

    /// The tool names the request offers, read from this provider's format.
    public func offeredTools(_ body: JSONValue) -> [String] {
        switch kind {
        case .openai, .xai, .compatible:
            return (body["tools"]?.arrayValue ?? []).compactMap { $0["type"] == "function" ? $0["function"]?["name"]?.stringValue : nil }
        case .anthropic:
            return (body["tools"]?.arrayValue ?? []).compactMap { $0["input_schema"] != nil ? $0["name"]?.stringValue : nil }
        case .gemini:
            return (body["tools"]?[0]?["functionDeclarations"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
        }
    }

    /// A gateway whose only provider is this one, at `baseURL`.
    public func gateway(baseURL: String, retry: RetryPolicy = RetryPolicy(maxAttemptsPerProvider: 1)) -> LLMGateway {
        gateway(providers: [ProviderConfiguration(kind: kind, baseURL: baseURL, apiKey: "test-key")], retry: retry)
    }

    public func gateway(providers: [ProviderConfiguration], retry: RetryPolicy = RetryPolicy(maxAttemptsPerProvider: 1)) -> LLMGateway {
        LLMGateway(
            configuration: GatewayConfiguration(providers: providers, retry: retry), transport: HTTPClientTransport(),
            clock: ManualLLMClock(), random: SeededRandomSource(seed: 7))
    }

    public static let all = [ProviderKind.openai, .xai, .anthropic, .gemini].map(ProviderScript.init)
}
