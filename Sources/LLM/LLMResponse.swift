import AutopilotCore

/// Why the model stopped.
public enum FinishReason: String, Sendable, Hashable, Codable {
    case stop
    case length
    case toolCalls = "tool_calls"
    case contentFilter = "content_filter"
    case unknown
}

/// Tokens read and written by one call.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var input: Int
    public var output: Int

    public init(input: Int, output: Int) {
        self.input = input
        self.output = output
    }
}

/// Where the tenant stands against its monthly budget when the request was made.
public enum BudgetStatus: String, Sendable, Hashable, Codable {
    /// Under 100 % of the budget (or no budget set).
    case normal
    /// At or above 100 %: a warning was logged and the call went ahead.
    case warning
    /// At or above 120 %: the call went to the offline provider.
    case stopped
}

/// The answer, whichever provider gave it.
public struct LLMResponse: Sendable, Hashable, Codable {
    /// The text (for structured output: the JSON text).
    public var text: String
    /// Tool calls the model asked for.
    public var toolCalls: [LLMToolCall]
    /// For structured output: the parsed value (it satisfies the schema).
    public var json: JSONValue?
    /// Tokens in and out.
    public var usage: TokenUsage
    /// The provider that answered: "xai", "openai", "gemini", "anthropic", "compatible" or "offline".
    public var provider: String
    /// The model that wrote the answer.
    public var model: String
    /// What the answer cost in US dollars by the gateway's price table (0 offline; a structured answer's repair
    /// attempt included).
    public var costUSD: Double
    /// Why the model stopped.
    public var finishReason: FinishReason
    /// Time from the start of the request to the answer, retries and failovers included.
    public var latency: Duration
    /// Why the offline provider answered, when it did ("no_provider_configured", "budget_exceeded", "all_providers_failed: …").
    public var offlineReason: String?
    /// The tenant's budget status at the time of the request.
    public var budget: BudgetStatus
    /// The failures met before this answer, in order (empty when the first attempt succeeded).
    public var failures: [LLMError]

    public init(
        text: String,
        toolCalls: [LLMToolCall] = [],
        json: JSONValue? = nil,
        usage: TokenUsage,
        provider: String,
        model: String,
        costUSD: Double = 0,
        finishReason: FinishReason,
        latency: Duration = .zero,
        offlineReason: String? = nil,
        budget: BudgetStatus = .normal,
        failures: [LLMError] = []
    ) {
        self.text = text
        self.toolCalls = toolCalls
        self.json = json
        self.usage = usage
        self.provider = provider
        self.model = model
        self.costUSD = costUSD
        self.finishReason = finishReason
        self.latency = latency
        self.offlineReason = offlineReason
        self.budget = budget
        self.failures = failures
    }
}
