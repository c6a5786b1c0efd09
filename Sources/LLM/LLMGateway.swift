import AsyncHTTPClient
import Foundation
import Logging

/// The language-model gateway: one entry point for every feature. It tries the configured providers in order with
/// retries, backoff and per-provider circuit breakers, checks structured answers against their schema, records every
/// attempt, enforces each tenant's monthly budget, and answers offline when no provider can.
public final class LLMGateway: Sendable {
    public let configuration: GatewayConfiguration
    let providers: [String: any LLMProvider]
    let order: [String]
    let breakers: [String: CircuitBreaker]
    let recorder: any LLMUsageRecorder
    let clock: any LLMClock
    let random: any RandomSource
    let offline: OfflineProvider
    let logger: Logger

    /// A gateway over explicit providers (tests, custom transports), tried in the order given
    /// (or in `configuration.tenantOrders[tenant]`, by name).
    public init(
        configuration: GatewayConfiguration,
        providers: [any LLMProvider],
        recorder: any LLMUsageRecorder = InMemoryUsageRecorder(),
        clock: any LLMClock = SystemLLMClock(),
        random: any RandomSource = SeededRandomSource.live(),
        offline: OfflineProvider = OfflineProvider(),
        logger: Logger = Logger(label: "autopilot.llm")
    ) {
        self.configuration = configuration
        self.providers = Dictionary(providers.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.order = providers.map(\.name)
        self.breakers = Dictionary(
            providers.map { ($0.name, CircuitBreaker(policy: configuration.breaker)) },
            uniquingKeysWith: { first, _ in first })
        self.recorder = recorder
        self.clock = clock
        self.random = random
        self.offline = offline
        self.logger = logger
    }

    /// A gateway whose providers speak HTTP through `transport` with their documented wire formats.
    public convenience init(
        configuration: GatewayConfiguration,
        transport: any LLMTransport,
        recorder: any LLMUsageRecorder = InMemoryUsageRecorder(),
        clock: any LLMClock = SystemLLMClock(),
        random: any RandomSource = SeededRandomSource.live(),
        offline: OfflineProvider = OfflineProvider(),
        logger: Logger = Logger(label: "autopilot.llm")
    ) {
        let providers = configuration.providers.map { HTTPProvider(configuration: $0, transport: transport) as any LLMProvider }
        self.init(
            configuration: configuration, providers: providers, recorder: recorder, clock: clock, random: random,
            offline: offline, logger: logger)
    }

    /// The gateway the engine builds at start-up: configuration from the environment, AsyncHTTPClient transport.
    public static func fromEnvironment(
        _ env: [String: String],
        httpClient: HTTPClient = .shared,
        recorder: any LLMUsageRecorder = InMemoryUsageRecorder(),
        clock: any LLMClock = SystemLLMClock(),
        offline: OfflineProvider = OfflineProvider(),
        logger: Logger = Logger(label: "autopilot.llm")
    ) throws(LLMError) -> LLMGateway {
        let configuration = try GatewayConfiguration.fromEnvironment(env)
        return LLMGateway(
            configuration: configuration, transport: HTTPClientTransport(client: httpClient), recorder: recorder,
            clock: clock, offline: offline, logger: logger)
    }

    /// The names of the providers `tenant` would try, in order (empty: everything is answered offline);
    /// `requested` is a request's own `providerOrder`.
    public func providerNames(for tenant: String = "", requested: [String]? = nil) -> [String] {
        (requested ?? configuration.tenantOrders[tenant] ?? order).filter { providers[$0] != nil }
    }

    /// The state of a provider's circuit breaker now.
    public func breakerState(of provider: String) -> BreakerState? {
        breakers[provider]?.state(at: clock.now)
    }

    /// Answers `request`. With the default configuration it never throws except on cancellation: when no provider
    /// can answer (none configured, all failed, budget stopped) the offline provider answers and says why.
    public func complete(_ request: LLMRequest) async throws -> LLMResponse {
        let start = clock.now
        let deadline = start.addingTimeInterval(request.deadline.seconds)
        let spent = await recorder.monthlySpend(tenant: request.tenant, month: UsageMonth(containing: start))
        let budget = configuration.budget.status(tenant: request.tenant, spent: spent)
        if budget == .stopped {
            let limit = configuration.budget.limit(for: request.tenant) ?? 0
            logger.warning("llm budget stop", metadata: ["tenant": "\(request.tenant)", "spent": "\(spent)", "limit": "\(limit)"])
            await recorder.budgetReached(budget, tenant: request.tenant, spent: spent, limit: limit, month: UsageMonth(containing: start))
            let reason = "budget_exceeded: spent \(Self.dollars(spent)) of \(Self.dollars(limit)) this month"
            return await answerOffline(request, reason: reason, start: start, budget: budget, failures: [])
        }
        if budget == .warning {
            logger.warning("llm budget warning", metadata: ["tenant": "\(request.tenant)", "spent": "\(spent)"])
            let limit = configuration.budget.limit(for: request.tenant) ?? 0
            await recorder.budgetReached(budget, tenant: request.tenant, spent: spent, limit: limit, month: UsageMonth(containing: start))
        }
        let names = providerNames(for: request.tenant, requested: request.providerOrder)
        if names.isEmpty {
            return await answerOffline(request, reason: "no_provider_configured", start: start, budget: budget, failures: [])
        }
        var failures: [LLMError] = []
        for name in names {
            guard let provider = providers[name], let breaker = breakers[name] else { continue }
            if clock.now >= deadline {
                failures.append(LLMError(.deadlineExceeded, "the request's deadline passed before \(name) was tried", provider: name))
                break
            }
            if var response = try await attempt(provider, breaker: breaker, request: request, deadline: deadline, failures: &failures) {
                response.latency = .fromSeconds(clock.now.timeIntervalSince(start))
                response.budget = budget
                response.failures = failures
                return response
            }
        }
        let codes = failures.map { "\($0.provider ?? "?"):\($0.code.rawValue)" }.joined(separator: ", ")
        guard configuration.fallsBackToOffline else {
            throw LLMError(.allProvidersFailed, "no provider answered (\(codes))")
        }
        logger.error("llm providers all failed", metadata: ["failures": "\(codes)", "feature": "\(request.feature)"])
        return await answerOffline(request, reason: "all_providers_failed: \(codes)", start: start, budget: budget, failures: failures)
    }

    func answerOffline(_ request: LLMRequest, reason: String, start: Date, budget: BudgetStatus, failures: [LLMError]) async -> LLMResponse {
        var response = offline.respond(to: request, reason: reason)
        response.budget = budget
        response.failures = failures
        response.latency = .fromSeconds(clock.now.timeIntervalSince(start))
        await recorder.record(
            LLMUsageRecord(
                tenant: request.tenant, feature: request.feature, provider: OfflineProvider.name, model: OfflineProvider.model,
                inputTokens: response.usage.input, outputTokens: response.usage.output, costUSD: 0,
                latencyMilliseconds: response.latency.seconds * 1000, outcome: LLMUsageRecord.success, httpStatus: nil, startedAt: start))
        return response
    }

    static func dollars(_ amount: Double) -> String {
        String(format: "$%.2f", amount)
    }
}
