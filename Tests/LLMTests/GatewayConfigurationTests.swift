import Foundation
import LLM
import Testing

@Suite("Configuration from the environment")
struct GatewayConfigurationTests {
    @Test func noKeysMeansNoProviders() throws {
        #expect(try GatewayConfiguration.fromEnvironment([:]).providers.isEmpty)
        #expect(try GatewayConfiguration.fromEnvironment(["OPENAI_API_KEY": "  "]).providers.isEmpty)
    }

    @Test func keysEnableProvidersInTheDefaultOrder() throws {
        let env = [
            "ANTHROPIC_API_KEY": "k4", "GEMINI_API_KEY": "k3", "OPENAI_API_KEY": "k2", "XAI_API_KEY": "k1",
            "AUTOPILOT_LLM_BASE_URL": "http://127.0.0.1:11434",
        ]
        let configuration = try GatewayConfiguration.fromEnvironment(env)
        #expect(configuration.providers.map(\.kind) == [.xai, .openai, .gemini, .anthropic, .compatible])
        #expect(configuration.providers.map(\.apiKey) == ["k1", "k2", "k3", "k4", nil])
        #expect(
            configuration.providers.map(\.baseURL) == [
                "https://api.x.ai", "https://api.openai.com",
                "https://generativelanguage.googleapis.com", "https://api.anthropic.com",
                "http://127.0.0.1:11434",
            ])
        #expect(configuration.providers.map(\.model) == ProviderKind.allCases.map(\.defaultModel))
    }

    @Test func basesModelsOrderAndLimitsAreConfigurable() throws {
        let env = [
            "OPENAI_API_KEY": "k", "OPENAI_BASE_URL": "https://proxy.example/v1", "OPENAI_MODEL": "gpt-5-mini",
            "ANTHROPIC_API_KEY": "a", "AUTOPILOT_LLM_ORDER": "anthropic, openai", "AUTOPILOT_LLM_MAX_ATTEMPTS": "3",
            "AUTOPILOT_LLM_BREAKER_FAILURES": "4", "AUTOPILOT_LLM_BREAKER_COOLDOWN": "60",
            "AUTOPILOT_LLM_MONTHLY_BUDGET": "25", "AUTOPILOT_LLM_PRICES": "gpt-5-mini=0.25:2",
            "AUTOPILOT_LLM_OFFLINE_FALLBACK": "0", "GEMINI_API_KEY": "not in the order",
        ]
        let configuration = try GatewayConfiguration.fromEnvironment(env)
        #expect(configuration.providers.map(\.kind) == [.anthropic, .openai])
        let openai = configuration.providers[1]
        #expect(openai.model == "gpt-5-mini")
        #expect(openai.url(forPath: "/v1/chat/completions") == "https://proxy.example/v1/chat/completions")
        #expect(configuration.retry.maxAttemptsPerProvider == 3)
        #expect(configuration.breaker == BreakerPolicy(failureThreshold: 4, cooldown: .seconds(60)))
        #expect(configuration.budget.limit(for: "any") == 25)
        #expect(configuration.prices.price(for: "gpt-5-mini") == ModelPrice(inputPerMillion: 0.25, outputPerMillion: 2))
        #expect(configuration.fallsBackToOffline == false)
    }

    @Test(arguments: [
        ["AUTOPILOT_LLM_ORDER": "openai,mistral"], ["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": "ftp://x"],
        ["AUTOPILOT_LLM_MAX_ATTEMPTS": "zero"], ["AUTOPILOT_LLM_MONTHLY_BUDGET": "-1"],
        ["AUTOPILOT_LLM_TENANT_ORDERS": "t_shop=anthropic,mistral"], ["AUTOPILOT_LLM_TENANT_ORDERS": "openai"],
        ["AUTOPILOT_LLM_TENANT_ORDERS": "t_shop="], ["AUTOPILOT_LLM_TENANT_BUDGETS": "t_shop=lots"],
    ])
    func badValuesAreReportedWithTheirVariable(_ env: [String: String]) {
        let error = #expect(throws: LLMError.self) { try GatewayConfiguration.fromEnvironment(env) }
        #expect(error?.code == .configuration)
        #expect(env.keys.contains { error?.message.hasPrefix($0) == true })
    }

    @Test func ordersAndBudgetsArePerTenant() throws {
        let env = [
            "OPENAI_API_KEY": "o", "ANTHROPIC_API_KEY": "a", "GEMINI_API_KEY": "g",
            "AUTOPILOT_LLM_TENANT_ORDERS": "t_shop = anthropic, openai ; t_agency=gemini",
            "AUTOPILOT_LLM_TENANT_BUDGETS": "t_shop=20; t_agency=150.5",
        ]
        let configuration = try GatewayConfiguration.fromEnvironment(env)
        #expect(configuration.tenantOrders == ["t_shop": ["anthropic", "openai"], "t_agency": ["gemini"]])
        #expect(configuration.budget.monthlyLimits == ["t_shop": 20, "t_agency": 150.5])
        let gateway = LLMGateway(
            configuration: configuration, transport: ReplayTransport(response: ProviderHTTPResponse(status: 200, body: Data("{}".utf8))))
        #expect(gateway.providerNames(for: "t_shop") == ["anthropic", "openai"])
        #expect(gateway.providerNames(for: "t_agency") == ["gemini"])
        #expect(gateway.providerNames(for: "t_other") == ["openai", "gemini", "anthropic"], "others keep the default order")
    }

    @Test func backoffIsExponentialCappedAndJittered() {
        let policy = RetryPolicy()
        #expect(policy.backoff(afterFailedAttempts: 1, unit: 0) == .seconds(1))
        #expect(policy.backoff(afterFailedAttempts: 2, unit: 0) == .seconds(2))
        #expect(policy.backoff(afterFailedAttempts: 3, unit: 0.5) == .milliseconds(4250))
        #expect(policy.backoff(afterFailedAttempts: 9, unit: 0.999_999) < .milliseconds(30_500))
        #expect(policy.backoff(afterFailedAttempts: 9, unit: 0) == .seconds(30))
        let random = SeededRandomSource(seed: 1)
        let again = SeededRandomSource(seed: 1)
        let draws = (0..<5).map { _ in random.nextUnit() }
        #expect(draws == (0..<5).map { _ in again.nextUnit() })
        #expect(draws.allSatisfy { $0 >= 0 && $0 < 1 })
    }

    @Test(arguments: [
        ("120", 120.0), ("0", 0), ("Mon, 21 Sep 2026 14:15:20 GMT", 120), ("Mon, 21 Sep 2026 14:00:00 GMT", 0),
        ("soon", nil),
    ])
    func retryAfterValues(_ value: String, _ expected: Double?) {
        #expect(RetryAfter.seconds(value, now: Fixtures.now) == expected)
    }
}
