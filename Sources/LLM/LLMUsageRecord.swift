import Foundation

/// One call attempt to a provider, as accounting keeps it.
public struct LLMUsageRecord: Sendable, Hashable, Codable {
    public var tenant: String
    public var feature: String
    public var provider: String
    public var model: String
    public var inputTokens: Int
    public var outputTokens: Int
    /// The cost in US dollars, from the price table.
    public var costUSD: Double
    /// The attempt's duration in milliseconds.
    public var latencyMilliseconds: Double
    /// "ok", or the error code of the failure (`LLMError.Code` raw value).
    public var outcome: String
    /// The HTTP status when there was one.
    public var httpStatus: Int?
    /// When the attempt started.
    public var startedAt: Date

    public init(
        tenant: String, feature: String, provider: String, model: String, inputTokens: Int, outputTokens: Int,
        costUSD: Double, latencyMilliseconds: Double, outcome: String, httpStatus: Int?, startedAt: Date
    ) {
        self.tenant = tenant
        self.feature = feature
        self.provider = provider
        self.model = model
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costUSD = costUSD
        self.latencyMilliseconds = latencyMilliseconds
        self.outcome = outcome
        self.httpStatus = httpStatus
        self.startedAt = startedAt
    }

    /// The outcome of a successful attempt.
    public static let success = "ok"
}

/// Where the gateway records every attempt, and reads a tenant's spend back for the budget.
/// The engine implements it over its store; `InMemoryUsageRecorder` serves tests and the CLI.
public protocol LLMUsageRecorder: Sendable {
    /// Records one attempt.
    func record(_ record: LLMUsageRecord) async
    /// The dollars `tenant` spent during `month`.
    func monthlySpend(tenant: String, month: UsageMonth) async -> Double
    /// Heard on every call while `tenant` is at the warning or the stop of its monthly budget (the engine tells the team
    /// once per month and level).
    func budgetReached(_ status: BudgetStatus, tenant: String, spent: Double, limit: Double, month: UsageMonth) async
}

extension LLMUsageRecorder {
    public func budgetReached(_ status: BudgetStatus, tenant: String, spent: Double, limit: Double, month: UsageMonth) async {}
}
