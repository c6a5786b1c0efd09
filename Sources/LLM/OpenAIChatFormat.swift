import AutopilotCore
import Foundation

/// OpenAI Chat Completions (`POST /v1/chat/completions`), also spoken by xAI and OpenAI-compatible servers.
public struct OpenAIChatFormat: WireFormat {
    /// Whether to send the token limit as `max_completion_tokens` (OpenAI's current name) or `max_tokens`
    /// (what xAI and most compatible servers read).
    public var usesMaxCompletionTokens: Bool

    public init(usesMaxCompletionTokens: Bool) {
        self.usesMaxCompletionTokens = usesMaxCompletionTokens
    }

    public func encode(_ request: LLMRequest, configuration: ProviderConfiguration) throws(LLMError) -> ProviderHTTPRequest {
        var messages: [JSONValue] = []
        if let system = request.system, !system.isEmpty { messages.append(["role": "system", "content": .string(system)]) }
        for message in request.messages { messages.append(Self.wireMessage(message)) }
        var body: JSONObject = ["model": .string(configuration.model), "messages": .array(messages)]
        body[usesMaxCompletionTokens ? "max_completion_tokens" : "max_tokens"] = .int(Int64(request.maxTokens))
        if let temperature = request.temperature { body["temperature"] = .double(temperature) }
        if let output = request.structuredOutput {
            body["response_format"] = [
                "type": "json_schema",
                "json_schema": ["name": .string(output.name), "schema": output.schema, "strict": .bool(output.strict)],
            ]
        }
        if !request.tools.isEmpty {
            body["tools"] = .array(
                request.tools.map { tool in
                    [
                        "type": "function",
                        "function": ["name": .string(tool.name), "description": .string(tool.description), "parameters": tool.parameters],
                    ]
                })
        }
        var headers: [(name: String, value: String)] = []
        if let key = configuration.apiKey, !key.isEmpty { headers.append((name: "authorization", value: "Bearer \(key)")) }
        return ProviderHTTPRequest(
            url: configuration.url(forPath: "/v1/chat/completions"), headers: Self.jsonHeaders(headers),
            body: JSONValue.object(body).jsonData)
    }

    static func wireMessage(_ message: LLMMessage) -> JSONValue {
        switch message.role {
        case .user:
            return ["role": "user", "content": .string(message.content)]
        case .assistant:
            var wire: JSONObject = ["role": "assistant", "content": message.content.isEmpty ? .null : .string(message.content)]
            if !message.toolCalls.isEmpty {
                wire["tool_calls"] = .array(
                    message.toolCalls.map { call in
                        [
                            "id": .string(call.id), "type": "function",
                            "function": ["name": .string(call.name), "arguments": .string(call.argumentsText)],
                        ]
                    })
            }
            return .object(wire)
        case .tool:
            // Chat Completions has no error flag on a tool message: a failure says so in its text.
            let content = message.isError ? "Error: \(message.content)" : message.content
            return ["role": "tool", "tool_call_id": .string(message.toolCallID ?? ""), "content": .string(content)]
        }
    }

    public func decode(_ response: ProviderHTTPResponse, request: LLMRequest, configuration: ProviderConfiguration)
        throws(LLMError) -> LLMResponse
    {
        let provider = configuration.name
        let body = try Self.requireObject(response, provider: provider)
        guard let choice = body["choices"]?[0], let message = choice["message"], message.objectValue != nil else {
            throw Self.malformed("the answer has no choices[0].message", response, provider: provider)
        }
        var toolCalls: [LLMToolCall] = []
        for (index, call) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            guard let function = call["function"], let name = function["name"]?.stringValue else {
                throw Self.malformed("tool_calls[\(index)] has no function name", response, provider: provider)
            }
            toolCalls.append(
                LLMToolCall(id: call["id"]?.stringValue ?? "call_\(index)", name: name, arguments: Self.arguments(function["arguments"])))
        }
        let usage = body["usage"]
        let refused = message["refusal"]?.stringValue.map { !$0.isEmpty } ?? false
        return LLMResponse(
            text: message["content"]?.stringValue ?? "",
            toolCalls: toolCalls,
            usage: TokenUsage(input: usage?["prompt_tokens"]?.integer ?? 0, output: usage?["completion_tokens"]?.integer ?? 0),
            provider: provider,
            model: body["model"]?.stringValue ?? configuration.model,
            finishReason: refused ? .contentFilter : Self.finishReason(choice["finish_reason"]?.stringValue, hasToolCalls: !toolCalls.isEmpty)
        )
    }

    /// `function.arguments` is JSON text the model wrote; text that is not JSON is kept as a string for the caller to
    /// answer the model about, rather than failing the whole answer over to another provider.
    static func arguments(_ value: JSONValue?) -> JSONValue {
        guard let value else { return .object([:]) }
        switch value {
        case .string(let text):
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .object([:]) }
            return (try? JSONValue.parse(text)) ?? .string(text)
        case .object:
            return value
        case .null:
            return .object([:])
        default:
            return .string(value.jsonString)
        }
    }

    static func finishReason(_ value: String?, hasToolCalls: Bool) -> FinishReason {
        switch value {
        case "stop": return hasToolCalls ? .toolCalls : .stop
        case "length": return .length
        case "tool_calls", "function_call": return .toolCalls
        case "content_filter": return .contentFilter
        default: return hasToolCalls ? .toolCalls : .unknown
        }
    }
}
