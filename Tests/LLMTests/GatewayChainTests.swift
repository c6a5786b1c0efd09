import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("The provider chain: order, retries, failover")
struct GatewayChainTests {
    @Test func theFirstHealthyProviderAnswers() async throws {
        let (a, b) = (ScriptedProvider("a", [.answer("from a")]), ScriptedProvider("b", [.answer("from b")]))
        let harness = ChainHarness([a, b])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "a")
        #expect(response.text == "from a")
        #expect(response.failures.isEmpty)
        #expect((a.calls, b.calls) == (1, 0))
    }

    @Test func serverErrorsAreRetriedOnceWithBackoffThenTheChainMovesOn() async throws {
        let a = ScriptedProvider("a", [.fail(.server, status: 500)])
        let b = ScriptedProvider("b", [.answer("from b")])
        let harness = ChainHarness([a, b])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "b")
        #expect((a.calls, b.calls) == (2, 1))
        #expect(response.failures.map(\.code) == [.server, .server])
        let sleeps = harness.clock.sleeps
        #expect(sleeps.count == 1)
        #expect(sleeps[0] >= .seconds(1) && sleeps[0] < .milliseconds(1500))
    }

    @Test func retryAfterIsHonouredOnTheSameProvider() async throws {
        let a = ScriptedProvider("a", [.fail(.rateLimited, status: 429, retryAfter: 3), .answer("after waiting")])
        let harness = ChainHarness([a, ScriptedProvider("b", [.answer("from b")])])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "a")
        #expect(response.text == "after waiting")
        #expect(harness.clock.sleeps == [.seconds(3)])
        #expect(response.latency == .seconds(3))
    }

    @Test func aRetryAfterBeyondTheDeadlineMovesOnAtOnce() async throws {
        let a = ScriptedProvider("a", [.fail(.rateLimited, status: 429, retryAfter: 20)])
        let b = ScriptedProvider("b", [.answer("from b")])
        let harness = ChainHarness([a, b])
        var request = Fixtures.request()
        request.deadline = .seconds(10)
        let response = try await harness.gateway.complete(request)
        #expect(response.provider == "b")
        #expect(a.calls == 1)
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test func aRetryAfterLongerThanTheMaximumDelayMovesOn() async throws {
        let a = ScriptedProvider("a", [.fail(.overloaded, status: 529, retryAfter: 45)])
        let harness = ChainHarness([a, ScriptedProvider("b", [.answer("from b")])])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "b")
        #expect(a.calls == 1)
        #expect(harness.clock.sleeps.isEmpty)
    }

    @Test func exhaustedQuotaIsNotRetriedAndSkipsTheProviderAfterwards() async throws {
        let a = ScriptedProvider("a", [.fail(.quotaExhausted, status: 429), .answer("should not be asked")])
        let b = ScriptedProvider("b", [.answer("from b")])
        let harness = ChainHarness([a, b])
        let first = try await harness.gateway.complete(Fixtures.request())
        #expect(first.provider == "b")
        #expect(a.calls == 1)
        #expect(harness.clock.sleeps.isEmpty)
        #expect(harness.gateway.breakerState(of: "a") == .open)
        let second = try await harness.gateway.complete(Fixtures.request())
        #expect(second.provider == "b")
        #expect(a.calls == 1)
        #expect(second.failures.map(\.code) == [.circuitOpen])
    }

    @Test(arguments: [LLMError.Code.badRequest, .authentication, .notFound, .malformedResponse])
    func nonRetryableFailuresMoveOnWithoutRetry(_ code: LLMError.Code) async throws {
        let a = ScriptedProvider("a", [.fail(code, status: 400)])
        let harness = ChainHarness([a, ScriptedProvider("b", [.answer("from b")])])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "b")
        #expect(a.calls == 1)
        #expect(response.failures.map(\.code) == [code])
    }

    @Test func tenantsCanHaveTheirOwnOrder() async throws {
        let (a, b) = (ScriptedProvider("a", [.answer("from a")]), ScriptedProvider("b", [.answer("from b")]))
        let configuration = GatewayConfiguration(providers: [], tenantOrders: ["shop-2": ["b", "a"]])
        let gateway = LLMGateway(configuration: configuration, providers: [a, b], clock: ManualLLMClock(now: Fixtures.now))
        #expect(gateway.providerNames(for: "shop-2") == ["b", "a"])
        #expect(try await gateway.complete(Fixtures.request(tenant: "shop-2")).provider == "b")
        #expect(try await gateway.complete(Fixtures.request(tenant: "shop-1")).provider == "a")
    }

    @Test func whenEveryProviderFailsTheOfflineProviderAnswersAndSaysWhy() async throws {
        let harness = ChainHarness([
            ScriptedProvider("a", [.fail(.server, status: 500)]),
            ScriptedProvider("b", [.fail(.timeout)]),
        ])
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "offline")
        #expect(response.offlineReason == "all_providers_failed: a:server, a:server, b:timeout, b:timeout")
        #expect(response.text.hasPrefix("[offline]"))
    }

    @Test func withoutOfflineFallbackTheChainThrows() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.fail(.server, status: 500)])], fallsBackToOffline: false)
        let error = await #expect(throws: LLMError.self) { try await harness.gateway.complete(Fixtures.request()) }
        #expect(error?.code == .allProvidersFailed)
    }

    @Test func withNoProviderConfiguredTheOfflineProviderAnswers() async throws {
        let gateway = try LLMGateway.fromEnvironment([:], clock: ManualLLMClock(now: Fixtures.now))
        #expect(gateway.providerNames().isEmpty)
        let response = try await gateway.complete(Fixtures.request())
        #expect(response.provider == "offline")
        #expect(response.model == OfflineProvider.model)
        #expect(response.offlineReason == "no_provider_configured")
    }
}

@Suite("Chain details")
struct GatewayChainDetailTests {
    @Test func aRequestCanCarryItsOwnProviderOrder() async throws {
        let (a, b) = (ScriptedProvider("a", [.answer("from a")]), ScriptedProvider("b", [.answer("from b")]))
        let harness = ChainHarness([a, b])
        var request = Fixtures.request()
        request.providerOrder = ["b", "unknown"]
        #expect(try await harness.gateway.complete(request).provider == "b")
        request.providerOrder = []
        let offline = try await harness.gateway.complete(request)
        #expect(offline.provider == "offline")
        #expect(offline.offlineReason == "no_provider_configured")
    }

    @Test func theDeadlineCoversRetriesAndFailover() async throws {
        let clock = ManualLLMClock(now: Fixtures.now)
        let a = ScriptedProvider("a", [.fail(.timeout)], clock: clock, takes: .seconds(6))
        let b = ScriptedProvider("b", [.answer("from b")])
        let harness = ChainHarness([a, b], clock: clock)
        var request = Fixtures.request()
        request.deadline = .seconds(10)
        let response = try await harness.gateway.complete(request)
        #expect((a.calls, b.calls) == (2, 0))
        #expect(response.provider == "offline")
        #expect(response.failures.map(\.code) == [.timeout, .timeout, .deadlineExceeded])
    }

    @Test func toolCallsInAStructuredRequestAreReturnedWithoutSchemaCheck() async throws {
        let caller = ToolCallingProvider()
        let gateway = LLMGateway(
            configuration: GatewayConfiguration(providers: []), providers: [caller],
            clock: ManualLLMClock(now: Fixtures.now))
        let response = try await gateway.complete(Fixtures.request(structured: true, tools: [Fixtures.weatherTool]))
        #expect(response.provider == "caller")
        #expect(response.toolCalls.map(\.name) == ["lookup_order"])
        #expect(response.json == nil)
    }

    @Test func responsesEncodeAsJSONWithTheirProvider() throws {
        let response = OfflineProvider().respond(to: Fixtures.request(), reason: "no_provider_configured")
        let encoded = try JSONValue.parse(try JSONEncoder().encode(response))
        #expect(encoded["provider"] == "offline")
        #expect(encoded["offlineReason"] == "no_provider_configured")
        #expect(try JSONDecoder().decode(LLMResponse.self, from: try JSONEncoder().encode(response)) == response)
    }
}

/// A provider that always asks for a tool.
struct ToolCallingProvider: LLMProvider {
    let name = "caller"
    let model = "model-x"

    func complete(_ request: LLMRequest, timeout: Duration, now: Date) async throws -> LLMResponse {
        LLMResponse(
            text: "", toolCalls: [LLMToolCall(id: "c1", name: "lookup_order", arguments: ["number": "A-1"])],
            usage: TokenUsage(input: 1, output: 1), provider: name, model: model, finishReason: .toolCalls)
    }
}
