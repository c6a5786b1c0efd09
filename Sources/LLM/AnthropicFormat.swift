import AutopilotCore
import Foundation

/// Anthropic Messages (`POST /v1/messages`, headers `x-api-key` and `anthropic-version: 2023-06-01`).
///
/// Structured output: when the request has no tools of its own, the schema becomes a tool the model is forced to
/// call (`tool_choice: {type: tool}`) and its `input` is the answer; with tools of its own, the schema is given as
/// instructions appended to the system prompt and the answer's text is parsed.
public struct AnthropicFormat: WireFormat {
    /// The API version header value.
    public static let apiVersion = "2023-06-01"

    public init() {}

    public func encode(_ request: LLMRequest, configuration: ProviderConfiguration) throws(LLMError) -> ProviderHTTPRequest {
        var body: JSONObject = [
            "model": .string(configuration.model),
            "max_tokens": .int(Int64(max(1, request.maxTokens))),
            "messages": .array(Self.messages(request.messages)),
        ]
        var system = request.system ?? ""
        if let temperature = request.temperature { body["temperature"] = .double(min(1, max(0, temperature))) }
        var tools = request.tools.map { tool -> JSONValue in
            ["name": .string(tool.name), "description": .string(tool.description), "input_schema": tool.parameters]
        }
        if let output = request.structuredOutput {
            if request.tools.isEmpty {
                tools.append([
                    "name": .string(output.name), "description": "Return the answer as structured data.",
                    "input_schema": output.schema,
                ])
                body["tool_choice"] = ["type": "tool", "name": .string(output.name)]
            } else {
                system +=
                    (system.isEmpty ? "" : "\n\n")
                    + "When you give your final answer, reply with only a JSON value satisfying this JSON Schema: "
                    + output.schema.jsonString
            }
        }
        if !system.isEmpty { body["system"] = .string(system) }
        if !tools.isEmpty { body["tools"] = .array(tools) }
        var headers: [(name: String, value: String)] = [(name: "anthropic-version", value: Self.apiVersion)]
        if let key = configuration.apiKey, !key.isEmpty { headers.append((name: "x-api-key", value: key)) }
        return ProviderHTTPRequest(
            url: configuration.url(forPath: "/v1/messages"), headers: Self.jsonHeaders(headers),
            body: JSONValue.object(body).jsonData)
    }

    /// Tool results become `tool_result` blocks of a user turn; consecutive turns of one role are merged.
    static func messages(_ messages: [LLMMessage]) -> [JSONValue] {
        var turns: [(role: String, blocks: [JSONValue])] = []
        for message in messages {
            let role = message.role == .assistant ? "assistant" : "user"
            var blocks: [JSONValue] = []
            switch message.role {
            case .user:
                blocks.append(["type": "text", "text": .string(message.content)])
            case .assistant:
                if !message.content.isEmpty { blocks.append(["type": "text", "text": .string(message.content)]) }
                for call in message.toolCalls {
                    blocks.append(["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": call.argumentsObject])
                }
            case .tool:
                var result: JSONObject = [
                    "type": "tool_result", "tool_use_id": .string(message.toolCallID ?? ""), "content": .string(message.content),
                ]
                if message.isError { result["is_error"] = true }
                blocks.append(.object(result))
            }
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].blocks += blocks
            } else {
                turns.append((role: role, blocks: blocks))
            }
        }
        return turns.map { ["role": .string($0.role), "content": .array($0.blocks)] }
    }

    public func decode(_ response: ProviderHTTPResponse, request: LLMRequest, configuration: ProviderConfiguration)
        throws(LLMError) -> LLMResponse
    {
        let provider = configuration.name
        let body = try Self.requireObject(response, provider: provider)
        guard let blocks = body["content"]?.arrayValue else {
            throw Self.malformed("the answer has no content blocks", response, provider: provider)
        }
        let forcedTool = request.tools.isEmpty ? request.structuredOutput?.name : nil
        var text = ""
        var toolCalls: [LLMToolCall] = []
        var structured: JSONValue?
        for block in blocks {
            switch block["type"]?.stringValue {
            case "text":
                text += block["text"]?.stringValue ?? ""
            case "tool_use":
                guard let name = block["name"]?.stringValue else {
                    throw Self.malformed("a tool_use block has no name", response, provider: provider)
                }
                let input = block["input"] ?? .object([:])
                if let forcedTool, name == forcedTool {
                    structured = input
                } else {
                    toolCalls.append(LLMToolCall(id: block["id"]?.stringValue ?? "call_\(toolCalls.count)", name: name, arguments: input))
                }
            default:
                continue
            }
        }
        if let structured { text = structured.jsonString }
        let usage = body["usage"]
        return LLMResponse(
            text: text, toolCalls: toolCalls, json: structured,
            usage: TokenUsage(input: usage?["input_tokens"]?.integer ?? 0, output: usage?["output_tokens"]?.integer ?? 0),
            provider: provider, model: body["model"]?.stringValue ?? configuration.model,
            finishReason: Self.finishReason(body["stop_reason"]?.stringValue, hasToolCalls: !toolCalls.isEmpty)
        )
    }

    static func finishReason(_ value: String?, hasToolCalls: Bool) -> FinishReason {
        if hasToolCalls { return .toolCalls }
        switch value {
        case "end_turn", "stop_sequence", "tool_use": return .stop
        case "max_tokens": return .length
        case "refusal": return .contentFilter
        default: return .unknown
        }
    }
}
