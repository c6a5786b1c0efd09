import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("Anthropic Messages adapter against a loopback server")
struct AnthropicFormatTests {
    static func message(content: JSONValue, stop: String = "end_turn") -> JSONValue {
        [
            "id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514", "content": content,
            "stop_reason": .string(stop), "stop_sequence": .null, "usage": ["input_tokens": 25, "output_tokens": 11],
        ]
    }

    @Test func textAnswerAndTheRequestItSent() async throws {
        let answer = Self.message(content: [["type": "text", "text": "Bonjour Marie"]])
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.text == "Bonjour Marie")
            #expect(response.usage == TokenUsage(input: 25, output: 11))
            #expect(response.provider == "anthropic")
            #expect(response.finishReason == .stop)

            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1/messages")
            #expect(sent.header("x-api-key") == "test-key")
            #expect(sent.header("anthropic-version") == "2023-06-01")
            let body = try #require(sent.body)
            #expect(body["model"] == "claude-sonnet-4-20250514")
            #expect(body["max_tokens"] == 300)
            #expect(body["system"] == "You write follow-up emails.")
            #expect(body["messages"] == [["role": "user", "content": [["type": "text", "text": "Write a reminder for an abandoned cart"]]]])
            #expect(body["temperature"] == 0.3)
        }
    }

    @Test func toolUseBothWays() async throws {
        let answer = Self.message(
            content: [
                ["type": "text", "text": "Let me check."],
                ["type": "tool_use", "id": "toolu_1", "name": "lookup_order", "input": ["number": "B-2"]],
            ],
            stop: "tool_use")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                .complete(Fixtures.toolConversation(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.toolCalls == [LLMToolCall(id: "toolu_1", name: "lookup_order", arguments: ["number": "B-2"])])
            #expect(response.text == "Let me check.")
            #expect(response.finishReason == .toolCalls)

            let body = try #require(server.requests.first?.body)
            #expect(
                body["tools"] == [
                    [
                        "name": "lookup_order", "description": "Finds an order by number.",
                        "input_schema": Fixtures.weatherTool.parameters,
                    ]
                ])
            #expect(
                body["messages"]?[1] == [
                    "role": "assistant",
                    "content": [
                        ["type": "tool_use", "id": "call_1", "name": "lookup_order", "input": ["number": "A-17"]]
                    ],
                ])
            #expect(
                body["messages"]?[2] == [
                    "role": "user",
                    "content": [
                        ["type": "tool_result", "tool_use_id": "call_1", "content": "{\"status\":\"shipped\"}"]
                    ],
                ])
        }
    }

    @Test func structuredOutputGoesThroughAForcedTool() async throws {
        let answer = Self.message(
            content: [["type": "tool_use", "id": "toolu_2", "name": "email", "input": Fixtures.validAnswer]],
            stop: "tool_use")
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                .complete(Fixtures.request(structured: true), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.json == Fixtures.validAnswer)
            #expect(response.toolCalls.isEmpty)
            #expect(response.finishReason == .stop)
            let body = try #require(server.requests.first?.body)
            #expect(body["tool_choice"] == ["type": "tool", "name": "email"])
            #expect(body["tools"]?[0]?["input_schema"] == Fixtures.schema)
        }
    }

    @Test func structuredOutputWithToolsGoesThroughInstructions() async throws {
        let answer = Self.message(content: [["type": "text", "text": .string(Fixtures.validAnswer.jsonString)]])
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            var request = Fixtures.request(structured: true, tools: [Fixtures.weatherTool])
            request.system = nil
            let response = try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                .complete(request, timeout: .seconds(5), now: Fixtures.now)
            #expect(try JSONValue.parse(response.text) == Fixtures.validAnswer)
            let body = try #require(server.requests.first?.body)
            #expect(body["tool_choice"] == nil)
            #expect(body["system"]?.stringValue?.contains(Fixtures.schema.jsonString) == true)
        }
    }

    static let failures: [(status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?)] = [
        (
            429, ["retry-after": "12"],
            #"{"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}"#,
            .rateLimited, 12
        ),
        (
            429, [:],
            #"{"type":"error","error":{"type":"rate_limit_error","message":"Monthly spend cap reached","#
                + #""details":{"error_code":"enforced_spend_limit_reached"}}}"#,
            .quotaExhausted, nil
        ),
        (
            400, [:],
            #"{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API."}}"#,
            .quotaExhausted, nil
        ),
        (402, [:], #"{"type":"error","error":{"type":"billing_error","message":"Payment required"}}"#, .quotaExhausted, nil),
        (529, [:], #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#, .overloaded, nil),
        (500, [:], #"{"type":"error","error":{"type":"api_error","message":"Internal server error"}}"#, .server, nil),
        (400, [:], #"{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: Field required"}}"#, .badRequest, nil),
        (401, [:], #"{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"}}"#, .authentication, nil),
        (200, [:], #"{"type":"message","content":"#, .malformedResponse, nil),
        (200, [:], #"{"type":"message","role":"assistant"}"#, .malformedResponse, nil),
    ]

    @Test(arguments: failures)
    func failuresAreClassified(_ failure: (status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?))
        async throws
    {
        try await FakeProviderServer.with({ _, _ in
            FakeAnswer(status: failure.status, headers: failure.headers, body: failure.body)
        }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            }
            #expect(error?.code == failure.code)
            #expect(error?.retryAfterSeconds == failure.retryAfter)
        }
    }

    @Test func anAnswerSlowerThanTheTimeoutIsATimeout() async throws {
        let answer = Self.message(content: [["type": "text", "text": "late"]])
        try await FakeProviderServer.with({ _, _ in FakeAnswer(body: answer.jsonString, delay: .seconds(2)) }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.anthropic, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .milliseconds(200), now: Fixtures.now)
            }
            #expect(error?.code == .timeout)
        }
    }
}
