import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("OpenAI Chat Completions adapter against a loopback server")
struct OpenAIChatFormatTests {
    static func completion(content: JSONValue, toolCalls: JSONValue? = nil, finish: String = "stop", refusal: String? = nil) -> JSONValue {
        var message: JSONObject = ["role": "assistant", "content": content]
        if let refusal { message["refusal"] = .string(refusal) }
        if let toolCalls { message["tool_calls"] = toolCalls }
        return [
            "id": "chatcmpl-1", "object": "chat.completion", "created": 1_790_000_000, "model": "gpt-5.2-2025-12-11",
            "choices": [["index": 0, "message": .object(message), "finish_reason": .string(finish)]],
            "usage": ["prompt_tokens": 42, "completion_tokens": 17, "total_tokens": 59],
        ]
    }

    @Test func textAnswerAndTheRequestItSent() async throws {
        let answer = Self.completion(content: "Hello Marie, your cart is waiting.")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.openai, baseURL: server.baseURL)
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.text == "Hello Marie, your cart is waiting.")
            #expect(response.usage == TokenUsage(input: 42, output: 17))
            #expect(response.provider == "openai")
            #expect(response.model == "gpt-5.2-2025-12-11")
            #expect(response.finishReason == .stop)

            let sent = try #require(server.requests.first)
            #expect(sent.method == "POST")
            #expect(sent.path == "/v1/chat/completions")
            #expect(sent.header("authorization") == "Bearer test-key")
            #expect(sent.header("content-type") == "application/json")
            let body = try #require(sent.body)
            #expect(body["model"] == "gpt-5.2")
            #expect(body["messages"]?[0] == ["role": "system", "content": "You write follow-up emails."])
            #expect(body["messages"]?[1] == ["role": "user", "content": "Write a reminder for an abandoned cart"])
            #expect(body["max_completion_tokens"] == 300)
            #expect(body["max_tokens"] == nil)
            #expect(body["temperature"] == 0.3)
            #expect(body["response_format"] == nil)
        }
    }

    @Test func toolCallsBothWays() async throws {
        let calls: JSONValue = [
            [
                "id": "call_9", "type": "function",
                "function": ["name": "lookup_order", "arguments": "{\"number\":\"B-2\"}"],
            ]
        ]
        let answer = Self.completion(content: .null, toolCalls: calls, finish: "tool_calls")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.openai, baseURL: server.baseURL)
                .complete(Fixtures.toolConversation(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.toolCalls == [LLMToolCall(id: "call_9", name: "lookup_order", arguments: ["number": "B-2"])])
            #expect(response.finishReason == .toolCalls)
            #expect(response.text == "")

            let body = try #require(server.requests.first?.body)
            #expect(body["tools"]?[0]?["type"] == "function")
            #expect(body["tools"]?[0]?["function"]?["name"] == "lookup_order")
            #expect(body["tools"]?[0]?["function"]?["parameters"] == Fixtures.weatherTool.parameters)
            let assistant = try #require(body["messages"]?[2])
            #expect(assistant["role"] == "assistant")
            #expect(assistant["tool_calls"]?[0]?["id"] == "call_1")
            #expect(assistant["tool_calls"]?[0]?["function"]?["arguments"] == "{\"number\":\"A-17\"}")
            #expect(body["messages"]?[3] == ["role": "tool", "tool_call_id": "call_1", "content": "{\"status\":\"shipped\"}"])
        }
    }

    @Test func structuredOutputRequestAndAnswer() async throws {
        let answer = Self.completion(content: .string(Fixtures.validAnswer.jsonString))
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.openai, baseURL: server.baseURL)
                .complete(Fixtures.request(structured: true), timeout: .seconds(5), now: Fixtures.now)
            #expect(try JSONValue.parse(response.text) == Fixtures.validAnswer)
            let format = try #require(server.requests.first?.body?["response_format"])
            #expect(format["type"] == "json_schema")
            #expect(format["json_schema"]?["name"] == "email")
            #expect(format["json_schema"]?["schema"] == Fixtures.schema)
            #expect(format["json_schema"]?["strict"] == false)
        }
    }

    @Test func aRefusalIsAContentFilterAnswer() async throws {
        let answer = Self.completion(content: .null, refusal: "I can't help with that.")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.openai, baseURL: server.baseURL)
                .complete(Fixtures.request(structured: true), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.finishReason == .contentFilter)
            #expect(response.text == "")
        }
    }

    @Test func xaiAndCompatibleServersUseMaxTokensAndTheirKeys() async throws {
        let answer = Self.completion(content: "ok")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            _ = try await Fixtures.provider(.xai, baseURL: server.baseURL + "/v1", key: "xai-key")
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            _ = try await Fixtures.provider(.compatible, baseURL: server.baseURL, key: nil, model: "llama")
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            let (xai, local) = (server.requests[0], server.requests[1])
            #expect(xai.path == "/v1/chat/completions")
            #expect(xai.header("authorization") == "Bearer xai-key")
            #expect(xai.body?["model"] == "grok-4-1-fast-reasoning")
            #expect(xai.body?["max_tokens"] == 300)
            #expect(local.header("authorization") == nil)
            #expect(local.body?["model"] == "llama")
        }
    }

    static let failures: [(status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?)] = [
        (
            429, ["retry-after": "7"], #"{"error":{"message":"Rate limit reached","type":"requests","code":"rate_limit_exceeded"}}"#,
            .rateLimited, 7
        ),
        (
            429, [:], #"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"#,
            .quotaExhausted, nil
        ),
        (500, [:], #"{"error":{"message":"The server had an error","type":"server_error"}}"#, .server, nil),
        (503, ["retry-after": "Mon, 21 Sep 2026 14:15:20 GMT"], "upstream unavailable", .server, 120),
        (
            401, [:], #"{"error":{"message":"Incorrect API key provided","type":"invalid_request_error","code":"invalid_api_key"}}"#,
            .authentication, nil
        ),
        (400, [:], #"{"error":{"message":"Invalid schema","type":"invalid_request_error"}}"#, .badRequest, nil),
        (404, [:], #"{"error":{"message":"The model does not exist","type":"invalid_request_error"}}"#, .notFound, nil),
        (408, [:], "{}", .retryableClient, nil),
        (200, [:], "{\"choices\": [", .malformedResponse, nil),
        (200, [:], #"{"object":"chat.completion","choices":[]}"#, .malformedResponse, nil),
    ]

    @Test(arguments: failures)
    func failuresAreClassified(_ failure: (status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?))
        async throws
    {
        try await FakeProviderServer.with({ _, _ in
            FakeAnswer(status: failure.status, headers: failure.headers, body: failure.body)
        }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.openai, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            }
            #expect(error?.code == failure.code)
            #expect(error?.retryAfterSeconds == failure.retryAfter)
            #expect(error?.provider == "openai")
        }
    }

    @Test func anAnswerSlowerThanTheTimeoutIsATimeout() async throws {
        let answer = Self.completion(content: "late")
        try await FakeProviderServer.with({ _, _ in FakeAnswer(body: answer.jsonString, delay: .seconds(2)) }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.openai, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .milliseconds(200), now: Fixtures.now)
            }
            #expect(error?.code == .timeout)
        }
    }

    @Test func aClosedPortIsAConnectionError() async throws {
        let error = await #expect(throws: LLMError.self) {
            try await Fixtures.provider(.openai, baseURL: "http://127.0.0.1:9")
                .complete(Fixtures.request(), timeout: .milliseconds(300), now: Fixtures.now)
        }
        #expect(error?.code == .connection)
    }
}
