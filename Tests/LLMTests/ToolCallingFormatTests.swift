import AutopilotCore
import Foundation
import LLM
import Testing

/// The details of tool calling each format must get right beyond the round trip: bad argument text, failures, Gemini's
/// thought signatures, cost, and the offline provider.
@Suite("Tool calling in each wire format")
struct ToolCallingFormatTests {
    static func configuration(_ kind: ProviderKind) -> ProviderConfiguration {
        ProviderConfiguration(kind: kind, baseURL: "http://127.0.0.1:9", apiKey: "k")
    }

    static func body(_ format: any WireFormat, _ request: LLMRequest, _ kind: ProviderKind) throws -> JSONValue {
        try JSONValue.parse(try format.encode(request, configuration: configuration(kind)).body)
    }

    static func decode(_ format: any WireFormat, _ answer: JSONValue, _ kind: ProviderKind) throws -> LLMResponse {
        try format.decode(
            ProviderHTTPResponse(status: 200, body: Data(answer.jsonString.utf8)), request: Fixtures.request(tools: [Fixtures.weatherTool]),
            configuration: configuration(kind))
    }

    /// A conversation whose tool call failed, with arguments the model wrote badly.
    static func failedCallConversation(signature: String? = nil) -> LLMRequest {
        var request = Fixtures.request(tools: [Fixtures.weatherTool])
        request.messages += [
            .assistant("", toolCalls: [LLMToolCall(id: "call_1", name: "lookup_order", arguments: "{number: A-17", signature: signature)]),
            .toolResult(callID: "call_1", name: "lookup_order", content: "the arguments are not JSON", isError: true),
        ]
        return request
    }

    @Test func openAIArgumentTextThatIsNotJSONIsKeptForTheCallerNotAFailure() throws {
        let format = OpenAIChatFormat(usesMaxCompletionTokens: true)
        let calls: JSONValue = [["id": "call_5", "type": "function", "function": ["name": "lookup_order", "arguments": "{number: A-17"]]]
        let response = try Self.decode(format, OpenAIChatFormatTests.completion(content: .null, toolCalls: calls, finish: "tool_calls"), .openai)
        #expect(response.toolCalls == [LLMToolCall(id: "call_5", name: "lookup_order", arguments: "{number: A-17")])
        #expect(response.finishReason == .toolCalls)
    }

    @Test func openAISendsTheRawArgumentTextBackAndSaysAToolFailed() throws {
        let body = try Self.body(OpenAIChatFormat(usesMaxCompletionTokens: true), Self.failedCallConversation(), .openai)
        #expect(body["messages"]?[2]?["tool_calls"]?[0]?["function"]?["arguments"] == "{number: A-17")
        #expect(body["messages"]?[3] == ["role": "tool", "tool_call_id": "call_1", "content": "Error: the arguments are not JSON"])
    }

    @Test func anthropicMarksAFailedResultWithIsErrorAndSendsAnObjectInput() throws {
        let body = try Self.body(AnthropicFormat(), Self.failedCallConversation(), .anthropic)
        #expect(body["messages"]?[1]?["content"]?[0] == ["type": "tool_use", "id": "call_1", "name": "lookup_order", "input": [:]])
        #expect(
            body["messages"]?[2]?["content"]?[0]
                == ["type": "tool_result", "tool_use_id": "call_1", "content": "the arguments are not JSON", "is_error": true])
    }

    @Test func geminiKeepsTheThoughtSignatureAndSendsItBackWithTheCall() throws {
        let answer = GeminiFormatTests.answer(parts: [
            ["functionCall": ["name": "lookup_order", "args": ["number": "B-2"]], "thoughtSignature": "c2ln"],
            ["functionCall": ["name": "lookup_order", "args": ["number": "B-3"]]],
        ])
        let response = try Self.decode(GeminiFormat(), answer, .gemini)
        #expect(response.toolCalls.map(\.signature) == ["c2ln", nil])
        #expect(response.toolCalls.map(\.id) == ["call_0", "call_1"])

        var request = Fixtures.request(tools: [Fixtures.weatherTool])
        request.messages.append(.assistant("", toolCalls: response.toolCalls))
        let body = try Self.body(GeminiFormat(), request, .gemini)
        #expect(
            body["contents"]?[1]?["parts"]
                == [
                    ["functionCall": ["name": "lookup_order", "args": ["number": "B-2"]], "thoughtSignature": "c2ln"],
                    ["functionCall": ["name": "lookup_order", "args": ["number": "B-3"]]],
                ])
    }

    @Test func geminiSendsAFailedResultUnderError() throws {
        let body = try Self.body(GeminiFormat(), Self.failedCallConversation(signature: "c2ln"), .gemini)
        #expect(body["contents"]?[1]?["parts"]?[0]?["functionCall"]?["args"] == [:])
        #expect(
            body["contents"]?[2]?["parts"]?[0]
                == ["functionResponse": ["name": "lookup_order", "response": ["error": "the arguments are not JSON"]]])
    }

    @Test func theOfflineProviderAnswersInTextWhenToolsAreOffered() async throws {
        let gateway = LLMGateway(configuration: GatewayConfiguration(providers: []), providers: [])
        let response = try await gateway.complete(Fixtures.toolConversation())
        #expect(response.provider == "offline")
        #expect(response.toolCalls.isEmpty)
        #expect(response.text.hasPrefix("[offline]"))
        #expect(response.costUSD == 0)
    }

    @Test func aResponseCarriesItsCostFromThePriceTable() async throws {
        let provider = ScriptedProvider("openai", model: "gpt-5.2", [.answer("ok")])
        let recorder = InMemoryUsageRecorder()
        let gateway = LLMGateway(configuration: GatewayConfiguration(providers: []), providers: [provider], recorder: recorder)
        let response = try await gateway.complete(Fixtures.request(tools: [Fixtures.weatherTool]))
        #expect(response.provider == "openai")
        #expect(response.costUSD == PriceTable.defaults.cost(model: "gpt-5.2", usage: TokenUsage(input: 1000, output: 500)))
        #expect(recorder.records.map(\.costUSD) == [response.costUSD])
        #expect(response.costUSD > 0)
    }
}
