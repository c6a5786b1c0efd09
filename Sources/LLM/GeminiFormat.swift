import AutopilotCore
import Foundation

/// Google Gemini `POST /v1beta/models/{model}:generateContent`, key in the `x-goog-api-key` header.
public struct GeminiFormat: WireFormat {
    public init() {}

    public func encode(_ request: LLMRequest, configuration: ProviderConfiguration) throws(LLMError) -> ProviderHTTPRequest {
        var body: JSONObject = ["contents": .array(Self.contents(request.messages))]
        if let system = request.system, !system.isEmpty {
            body["systemInstruction"] = ["parts": [["text": .string(system)]]]
        }
        var generation: JSONObject = ["maxOutputTokens": .int(Int64(request.maxTokens))]
        if let temperature = request.temperature { generation["temperature"] = .double(temperature) }
        if let output = request.structuredOutput {
            generation["responseMimeType"] = "application/json"
            generation["responseJsonSchema"] = output.schema
        }
        body["generationConfig"] = .object(generation)
        if !request.tools.isEmpty {
            body["tools"] = [
                [
                    "functionDeclarations": .array(
                        request.tools.map { tool in
                            ["name": .string(tool.name), "description": .string(tool.description), "parametersJsonSchema": tool.parameters]
                        })
                ]
            ]
        }
        var headers: [(name: String, value: String)] = []
        if let key = configuration.apiKey, !key.isEmpty { headers.append((name: "x-goog-api-key", value: key)) }
        let model = configuration.model.hasPrefix("models/") ? String(configuration.model.dropFirst(7)) : configuration.model
        let path = "/v1beta/models/\(model):generateContent"
        return ProviderHTTPRequest(
            url: configuration.url(forPath: path), headers: Self.jsonHeaders(headers),
            body: JSONValue.object(body).jsonData)
    }

    /// Gemini's roles are `user` and `model`; tool results go back as `functionResponse` parts of a user turn,
    /// and consecutive turns of the same role are merged.
    static func contents(_ messages: [LLMMessage]) -> [JSONValue] {
        var turns: [(role: String, parts: [JSONValue])] = []
        for message in messages {
            let role = message.role == .assistant ? "model" : "user"
            var parts: [JSONValue] = []
            switch message.role {
            case .user:
                parts.append(["text": .string(message.content)])
            case .assistant:
                if !message.content.isEmpty { parts.append(["text": .string(message.content)]) }
                for call in message.toolCalls {
                    var part: JSONObject = ["functionCall": ["name": .string(call.name), "args": call.argumentsObject]]
                    if let signature = call.signature { part["thoughtSignature"] = .string(signature) }
                    parts.append(.object(part))
                }
            case .tool:
                parts.append(["functionResponse": ["name": .string(message.toolName ?? ""), "response": Self.functionResponse(message)]])
            }
            if let last = turns.last, last.role == role {
                turns[turns.count - 1].parts += parts
            } else {
                turns.append((role: role, parts: parts))
            }
        }
        return turns.map { ["role": .string($0.role), "parts": .array($0.parts)] }
    }

    /// A tool result as `functionResponse.response` (an object): a JSON object result as is, other text under `result`,
    /// a failure under `error`.
    static func functionResponse(_ message: LLMMessage) -> JSONValue {
        if message.isError { return ["error": .string(message.content)] }
        if let parsed = try? JSONValue.parse(message.content), parsed.objectValue != nil { return parsed }
        return ["result": .string(message.content)]
    }

    public func decode(_ response: ProviderHTTPResponse, request: LLMRequest, configuration: ProviderConfiguration)
        throws(LLMError) -> LLMResponse
    {
        let provider = configuration.name
        let body = try Self.requireObject(response, provider: provider)
        guard let candidates = body["candidates"]?.arrayValue else {
            if body["promptFeedback"]?["blockReason"] != nil {
                return LLMResponse(
                    text: "", usage: Self.usage(body), provider: provider,
                    model: body["modelVersion"]?.stringValue ?? configuration.model, finishReason: .contentFilter)
            }
            throw Self.malformed("the answer has no candidates", response, provider: provider)
        }
        guard let candidate = candidates.first else { throw Self.malformed("candidates is empty", response, provider: provider) }
        var text = ""
        var toolCalls: [LLMToolCall] = []
        for part in candidate["content"]?["parts"]?.arrayValue ?? [] {
            if let call = part["functionCall"] {
                guard let name = call["name"]?.stringValue else {
                    throw Self.malformed("a functionCall part has no name", response, provider: provider)
                }
                let id = call["id"]?.stringValue ?? "call_\(toolCalls.count)"
                toolCalls.append(
                    LLMToolCall(id: id, name: name, arguments: call["args"] ?? .object([:]), signature: part["thoughtSignature"]?.stringValue))
            } else if let piece = part["text"]?.stringValue, part["thought"]?.boolValue != true {
                text += piece
            }
        }
        return LLMResponse(
            text: text, toolCalls: toolCalls, usage: Self.usage(body), provider: provider,
            model: body["modelVersion"]?.stringValue ?? configuration.model,
            finishReason: Self.finishReason(candidate["finishReason"]?.stringValue, hasToolCalls: !toolCalls.isEmpty))
    }

    static func usage(_ body: JSONValue) -> TokenUsage {
        let metadata = body["usageMetadata"]
        let output = (metadata?["candidatesTokenCount"]?.integer ?? 0) + (metadata?["thoughtsTokenCount"]?.integer ?? 0)
        return TokenUsage(input: metadata?["promptTokenCount"]?.integer ?? 0, output: output)
    }

    static func finishReason(_ value: String?, hasToolCalls: Bool) -> FinishReason {
        if hasToolCalls { return .toolCalls }
        switch value {
        case "STOP": return .stop
        case "MAX_TOKENS": return .length
        case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY": return .contentFilter
        default: return .unknown
        }
    }
}
