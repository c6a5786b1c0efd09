import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("Gemini generateContent adapter against a loopback server")
struct GeminiFormatTests {
    static func answer(parts: JSONValue, finish: String = "STOP") -> JSONValue {
        [
            "candidates": [["content": ["role": "model", "parts": parts], "finishReason": .string(finish), "index": 0]],
            "usageMetadata": ["promptTokenCount": 31, "candidatesTokenCount": 12, "thoughtsTokenCount": 5, "totalTokenCount": 48],
            "modelVersion": "gemini-3-flash-preview",
        ]
    }

    @Test func textAnswerAndTheRequestItSent() async throws {
        let answer = Self.answer(parts: [["text": "Thinking…", "thought": true], ["text": "Bonjour "], ["text": "Marie"]])
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.text == "Bonjour Marie")
            #expect(response.usage == TokenUsage(input: 31, output: 17))
            #expect(response.provider == "gemini")
            #expect(response.model == "gemini-3-flash-preview")
            #expect(response.finishReason == .stop)

            let sent = try #require(server.requests.first)
            #expect(sent.path == "/v1beta/models/gemini-3-flash-preview:generateContent")
            #expect(sent.header("x-goog-api-key") == "test-key")
            #expect(sent.header("authorization") == nil)
            let body = try #require(sent.body)
            #expect(body["systemInstruction"] == ["parts": [["text": "You write follow-up emails."]]])
            #expect(body["contents"] == [["role": "user", "parts": [["text": "Write a reminder for an abandoned cart"]]]])
            #expect(body["generationConfig"] == ["maxOutputTokens": 300, "temperature": 0.3])
            #expect(body["tools"] == nil)
        }
    }

    @Test func functionCallsBothWays() async throws {
        let answer = Self.answer(parts: [["functionCall": ["name": "lookup_order", "args": ["number": "B-2"]]]])
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                .complete(Fixtures.toolConversation(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.toolCalls == [LLMToolCall(id: "call_0", name: "lookup_order", arguments: ["number": "B-2"])])
            #expect(response.finishReason == .toolCalls)

            let body = try #require(server.requests.first?.body)
            #expect(
                body["tools"] == [
                    [
                        "functionDeclarations": [
                            [
                                "name": "lookup_order", "description": "Finds an order by number.",
                                "parametersJsonSchema": Fixtures.weatherTool.parameters,
                            ]
                        ]
                    ]
                ])
            #expect(body["contents"]?[1] == ["role": "model", "parts": [["functionCall": ["name": "lookup_order", "args": ["number": "A-17"]]]]])
            #expect(
                body["contents"]?[2] == [
                    "role": "user",
                    "parts": [
                        ["functionResponse": ["name": "lookup_order", "response": ["status": "shipped"]]]
                    ],
                ])
        }
    }

    @Test func structuredOutputRequestAndAnswer() async throws {
        let answer = Self.answer(parts: [["text": .string(Fixtures.validAnswer.jsonString)]])
        try await FakeProviderServer.with({ _, _ in .json(answer) }) { server in
            let response = try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                .complete(Fixtures.request(structured: true), timeout: .seconds(5), now: Fixtures.now)
            #expect(try JSONValue.parse(response.text) == Fixtures.validAnswer)
            let generation = try #require(server.requests.first?.body?["generationConfig"])
            #expect(generation["responseMimeType"] == "application/json")
            #expect(generation["responseJsonSchema"] == Fixtures.schema)
        }
    }

    static let failures: [(status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?)] = [
        (
            429, ["retry-after": "4"],
            #"{"error":{"code":429,"message":"You exceeded your current quota. Please retry in 4s.","status":"RESOURCE_EXHAUSTED","#
                + #""details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","#
                + #""violations":[{"quotaId":"GenerateRequestsPerMinutePerProjectPerModel"}]}]}}"#,
            .rateLimited, 4
        ),
        (
            429, [:],
            #"{"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.","#
                + #""status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","#
                + #""violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]}]}}"#,
            .quotaExhausted, nil
        ),
        (500, [:], #"{"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}"#, .server, nil),
        (503, [:], #"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#, .server, nil),
        (
            400, [:], #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}"#,
            .authentication, nil
        ),
        (400, [:], #"{"error":{"code":400,"message":"Invalid JSON payload received.","status":"INVALID_ARGUMENT"}}"#, .badRequest, nil),
        (403, [:], #"{"error":{"code":403,"message":"Permission denied.","status":"PERMISSION_DENIED"}}"#, .authentication, nil),
        (200, [:], "<html>oops</html>", .malformedResponse, nil),
        (200, [:], #"{"usageMetadata":{}}"#, .malformedResponse, nil),
    ]

    @Test(arguments: failures)
    func failuresAreClassified(_ failure: (status: Int, headers: [String: String], body: String, code: LLMError.Code, retryAfter: Double?))
        async throws
    {
        try await FakeProviderServer.with({ _, _ in
            FakeAnswer(status: failure.status, headers: failure.headers, body: failure.body)
        }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            }
            #expect(error?.code == failure.code)
            #expect(error?.retryAfterSeconds == failure.retryAfter)
        }
    }

    @Test func aBlockedPromptIsAContentFilterAnswer() async throws {
        let blocked: JSONValue = ["promptFeedback": ["blockReason": "SAFETY"], "usageMetadata": ["promptTokenCount": 9]]
        try await FakeProviderServer.with({ _, _ in .json(blocked) }) { server in
            let response = try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                .complete(Fixtures.request(), timeout: .seconds(5), now: Fixtures.now)
            #expect(response.finishReason == .contentFilter)
            #expect(response.text == "")
        }
    }

    @Test func anAnswerSlowerThanTheTimeoutIsATimeout() async throws {
        let answer = Self.answer(parts: [["text": "late"]])
        try await FakeProviderServer.with({ _, _ in FakeAnswer(body: answer.jsonString, delay: .seconds(2)) }) { server in
            let error = await #expect(throws: LLMError.self) {
                try await Fixtures.provider(.gemini, baseURL: server.baseURL)
                    .complete(Fixtures.request(), timeout: .milliseconds(200), now: Fixtures.now)
            }
            #expect(error?.code == .timeout)
        }
    }
}
