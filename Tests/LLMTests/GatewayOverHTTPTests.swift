import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("The gateway over real loopback providers")
struct GatewayOverHTTPTests {
    static func gateway(_ env: [String: String], clock: ManualLLMClock, recorder: InMemoryUsageRecorder) throws -> LLMGateway {
        LLMGateway(
            configuration: try GatewayConfiguration.fromEnvironment(env), transport: HTTPClientTransport(), recorder: recorder,
            clock: clock, random: SeededRandomSource(seed: 1))
    }

    @Test func aRateLimitWithRetryAfterIsWaitedOutOnTheManualClock() async throws {
        let ok = OpenAIChatFormatTests.completion(content: "second time lucky")
        try await FakeProviderServer.with({ _, index in
            index == 0
                ? FakeAnswer(status: 429, headers: ["retry-after": "2"], body: #"{"error":{"message":"slow down","type":"requests"}}"#)
                : .json(ok)
        }) { server in
            let clock = ManualLLMClock(now: Fixtures.now)
            let recorder = InMemoryUsageRecorder()
            let gateway = try Self.gateway(["OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": server.baseURL], clock: clock, recorder: recorder)
            let response = try await gateway.complete(Fixtures.request())
            #expect(response.provider == "openai")
            #expect(response.text == "second time lucky")
            #expect(clock.sleeps == [.seconds(2)])
            #expect(server.requests.count == 2)
            #expect(recorder.records.map(\.outcome) == ["rate_limited", "ok"])
            #expect(recorder.records.map(\.httpStatus) == [429, 200])
        }
    }

    @Test func failoverRunsDownTheDefaultOrder() async throws {
        let anthropicAnswer = AnthropicFormatTests.message(content: [["type": "text", "text": "from claude"]])
        try await FakeProviderServer.with({ _, _ in FakeAnswer(status: 500, body: #"{"error":{"message":"boom"}}"#) }) { xai in
            try await FakeProviderServer.with({ _, _ in FakeAnswer(body: "{\"candidates\": [ nope") }) { gemini in
                try await FakeProviderServer.with({ _, index in
                    index == 0
                        ? FakeAnswer(status: 529, body: #"{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"#)
                        : .json(anthropicAnswer)
                }) { anthropic in
                    let clock = ManualLLMClock(now: Fixtures.now)
                    let recorder = InMemoryUsageRecorder()
                    let env = [
                        "XAI_API_KEY": "x", "XAI_BASE_URL": xai.baseURL, "GEMINI_API_KEY": "g", "GEMINI_BASE_URL": gemini.baseURL,
                        "ANTHROPIC_API_KEY": "a", "ANTHROPIC_BASE_URL": anthropic.baseURL,
                    ]
                    let gateway = try Self.gateway(env, clock: clock, recorder: recorder)
                    #expect(gateway.providerNames() == ["xai", "gemini", "anthropic"])
                    let response = try await gateway.complete(Fixtures.request())
                    #expect(response.provider == "anthropic")
                    #expect(response.text == "from claude")
                    #expect((xai.requests.count, gemini.requests.count, anthropic.requests.count) == (2, 1, 2))
                    #expect(response.failures.map(\.code) == [.server, .server, .malformedResponse, .overloaded])
                    #expect(recorder.records.map(\.provider) == ["xai", "xai", "gemini", "anthropic", "anthropic"])
                    #expect(clock.sleeps.count == 2)
                }
            }
        }
    }

    @Test func aSlowProviderTimesOutAndTheNextAnswers() async throws {
        let late = OpenAIChatFormatTests.completion(content: "too late")
        let quick = OpenAIChatFormatTests.completion(content: "quick")
        try await FakeProviderServer.with({ _, _ in FakeAnswer(body: late.jsonString, delay: .seconds(3)) }) { slow in
            try await FakeProviderServer.with({ _, _ in .json(quick) }) { fast in
                let clock = ManualLLMClock(now: Fixtures.now)
                let env = [
                    "OPENAI_API_KEY": "k", "OPENAI_BASE_URL": slow.baseURL, "AUTOPILOT_LLM_BASE_URL": fast.baseURL,
                    "AUTOPILOT_LLM_MAX_ATTEMPTS": "1",
                ]
                let gateway = try Self.gateway(env, clock: clock, recorder: InMemoryUsageRecorder())
                let response = try await gateway.complete(Fixtures.request(timeout: .seconds(1)))
                #expect(response.provider == "compatible")
                #expect(response.text == "quick")
                #expect(response.failures.map(\.code) == [.timeout])
            }
        }
    }
}
