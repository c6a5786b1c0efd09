import Foundation

/// Everything the gateway needs to know: which providers, in which order, and its retry, breaker, budget and price rules.
public struct GatewayConfiguration: Sendable, Hashable {
    /// The enabled providers, in the default order.
    public var providers: [ProviderConfiguration]
    /// Per-tenant orders, by provider name ("xai", "openai", "gemini", "anthropic", "compatible");
    /// providers missing from a tenant's list are not used for it.
    public var tenantOrders: [String: [String]]
    public var retry: RetryPolicy
    public var breaker: BreakerPolicy
    public var budget: BudgetPolicy
    public var prices: PriceTable
    /// When every provider failed: answer from the offline provider (true) or throw `all_providers_failed` (false).
    public var fallsBackToOffline: Bool

    /// The default order (seed 001): xAI → OpenAI → Gemini → Anthropic, then the keyless compatible server.
    public static let defaultOrder: [ProviderKind] = [.xai, .openai, .gemini, .anthropic, .compatible]

    public init(
        providers: [ProviderConfiguration], tenantOrders: [String: [String]] = [:], retry: RetryPolicy = RetryPolicy(),
        breaker: BreakerPolicy = BreakerPolicy(), budget: BudgetPolicy = BudgetPolicy(), prices: PriceTable = .defaults,
        fallsBackToOffline: Bool = true
    ) {
        self.providers = providers
        self.tenantOrders = tenantOrders
        self.retry = retry
        self.breaker = breaker
        self.budget = budget
        self.prices = prices
        self.fallsBackToOffline = fallsBackToOffline
    }

}

extension GatewayConfiguration {
    /// Reads the configuration from environment variables (pure: pass `ProcessInfo.processInfo.environment`).
    ///
    /// - `XAI_API_KEY`, `OPENAI_API_KEY`, `GEMINI_API_KEY`, `ANTHROPIC_API_KEY` enable each provider;
    ///   `AUTOPILOT_LLM_BASE_URL` enables a keyless OpenAI-compatible server (`AUTOPILOT_LLM_API_KEY` optional).
    /// - `XAI_BASE_URL`, `OPENAI_BASE_URL`, `GEMINI_BASE_URL`, `ANTHROPIC_BASE_URL` override base URLs;
    ///   `XAI_MODEL`, `OPENAI_MODEL`, `GEMINI_MODEL`, `ANTHROPIC_MODEL`, `AUTOPILOT_LLM_MODEL` override models.
    /// - `AUTOPILOT_LLM_ORDER` (e.g. "anthropic,openai"): the order; providers not named are not used.
    /// - `AUTOPILOT_LLM_TENANT_ORDERS` (e.g. "t_shop=anthropic,openai; t_agency=openai"): per-tenant orders, by tenant id.
    /// - `AUTOPILOT_LLM_TENANT_BUDGETS` (e.g. "t_shop=20; t_agency=150"): per-tenant monthly budgets in dollars.
    /// - `AUTOPILOT_LLM_MAX_ATTEMPTS`, `AUTOPILOT_LLM_BREAKER_FAILURES`, `AUTOPILOT_LLM_BREAKER_COOLDOWN` (seconds),
    ///   `AUTOPILOT_LLM_MONTHLY_BUDGET` (dollars per tenant per month), `AUTOPILOT_LLM_PRICES` (`model=in:out;…`),
    ///   `AUTOPILOT_LLM_OFFLINE_FALLBACK` ("0" to throw instead of answering offline when every provider failed).
    public static func fromEnvironment(_ env: [String: String]) throws(LLMError) -> GatewayConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            return raw
        }
        var order = defaultOrder
        if let text = value("AUTOPILOT_LLM_ORDER") {
            order = []
            for name in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
                guard let kind = ProviderKind(rawValue: name) else {
                    let known = ProviderKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw LLMError(.configuration, "AUTOPILOT_LLM_ORDER: unknown provider \"\(name)\" (known: \(known))")
                }
                if !order.contains(kind) { order.append(kind) }
            }
        }
        var providers: [ProviderConfiguration] = []
        for kind in order {
            let key = value(kind.keyVariable)
            let base = value(kind.baseURLVariable)
            let enabled = kind == .compatible ? base != nil : key != nil
            guard enabled else { continue }
            if let base, !(base.hasPrefix("http://") || base.hasPrefix("https://")) {
                throw LLMError(.configuration, "\(kind.baseURLVariable): \"\(base)\" is not an http:// or https:// URL")
            }
            providers.append(ProviderConfiguration(kind: kind, baseURL: base, apiKey: key, model: value(kind.modelVariable)))
        }
        var configuration = GatewayConfiguration(providers: providers)
        if let attempts = try integer(value("AUTOPILOT_LLM_MAX_ATTEMPTS"), name: "AUTOPILOT_LLM_MAX_ATTEMPTS") {
            configuration.retry.maxAttemptsPerProvider = attempts
        }
        if let failures = try integer(value("AUTOPILOT_LLM_BREAKER_FAILURES"), name: "AUTOPILOT_LLM_BREAKER_FAILURES") {
            configuration.breaker.failureThreshold = failures
        }
        if let cooldown = try integer(value("AUTOPILOT_LLM_BREAKER_COOLDOWN"), name: "AUTOPILOT_LLM_BREAKER_COOLDOWN") {
            configuration.breaker.cooldown = .seconds(cooldown)
        }
        if let text = value("AUTOPILOT_LLM_MONTHLY_BUDGET") {
            guard let budget = Double(text), budget.isFinite, budget >= 0 else {
                throw LLMError(.configuration, "AUTOPILOT_LLM_MONTHLY_BUDGET: \"\(text)\" is not a non-negative amount of dollars")
            }
            configuration.budget.defaultMonthlyLimit = budget
        }
        if let text = value("AUTOPILOT_LLM_PRICES") { configuration.prices = try PriceTable.parse(text) }
        if let text = value("AUTOPILOT_LLM_TENANT_ORDERS") { configuration.tenantOrders = try tenantOrders(text) }
        if let text = value("AUTOPILOT_LLM_TENANT_BUDGETS") { configuration.budget.monthlyLimits = try tenantBudgets(text) }
        if let text = value("AUTOPILOT_LLM_OFFLINE_FALLBACK") {
            configuration.fallsBackToOffline = !["0", "false", "no"].contains(text.lowercased())
        }
        return configuration
    }

    /// `tenant=provider,provider; tenant=provider` → orders by tenant id.
    static func tenantOrders(_ text: String) throws(LLMError) -> [String: [String]] {
        var orders: [String: [String]] = [:]
        for (tenant, list) in try tenantEntries(text, variable: "AUTOPILOT_LLM_TENANT_ORDERS") {
            var names: [String] = []
            for name in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !name.isEmpty {
                guard let kind = ProviderKind(rawValue: name) else {
                    let known = ProviderKind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw LLMError(.configuration, "AUTOPILOT_LLM_TENANT_ORDERS: tenant \(tenant): unknown provider \"\(name)\" (known: \(known))")
                }
                if !names.contains(kind.rawValue) { names.append(kind.rawValue) }
            }
            guard !names.isEmpty else { throw LLMError(.configuration, "AUTOPILOT_LLM_TENANT_ORDERS: tenant \(tenant): no provider named") }
            orders[tenant] = names
        }
        return orders
    }

    /// `tenant=dollars; tenant=dollars` → monthly limits by tenant id.
    static func tenantBudgets(_ text: String) throws(LLMError) -> [String: Double] {
        var budgets: [String: Double] = [:]
        for (tenant, amount) in try tenantEntries(text, variable: "AUTOPILOT_LLM_TENANT_BUDGETS") {
            guard let dollars = Double(amount), dollars.isFinite, dollars >= 0 else {
                throw LLMError(
                    .configuration, "AUTOPILOT_LLM_TENANT_BUDGETS: tenant \(tenant): \"\(amount)\" is not a non-negative amount of dollars")
            }
            budgets[tenant] = dollars
        }
        return budgets
    }

    private static func tenantEntries(_ text: String, variable: String) throws(LLMError) -> [(String, String)] {
        var entries: [(String, String)] = []
        for part in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2, !pieces[0].isEmpty else {
                throw LLMError(.configuration, "\(variable): \"\(part)\" is not TENANT=VALUE")
            }
            entries.append((pieces[0], pieces[1]))
        }
        return entries
    }

    private static func integer(_ text: String?, name: String) throws(LLMError) -> Int? {
        guard let text else { return nil }
        guard let number = Int(text), number >= 1 else {
            throw LLMError(.configuration, "\(name): \"\(text)\" is not a whole number of at least 1")
        }
        return number
    }
}
