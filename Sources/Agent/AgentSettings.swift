import LLM

/// How the agent asks the model: the prompt, the accounting labels and the limits of one turn.
public struct AgentSettings: Sendable, Hashable {
    /// The system prompt.
    public var system: String?
    /// The feature label for accounting and the offline responder ("assistant", "chat_agent", "voice_agent").
    public var feature: String
    /// The tenant paying; the toolbox must be scoped to the same tenant.
    public var tenant: String
    /// The most model calls in one turn before it stops with `step_limit`.
    public var maxSteps: Int
    /// The most tokens per answer.
    public var maxTokens: Int
    /// Sampling temperature, when wanted.
    public var temperature: Double?
    /// The longest one HTTP attempt may take.
    public var timeout: Duration
    /// The longest one model call may take, across retries and providers.
    public var deadline: Duration
    /// Provider names to try, in order (the tenant's setting); nil for the gateway's order.
    public var providerOrder: [String]?

    public init(
        system: String? = nil, feature: String, tenant: String, maxSteps: Int = 8, maxTokens: Int = 1024, temperature: Double? = nil,
        timeout: Duration = .seconds(30), deadline: Duration = .seconds(60), providerOrder: [String]? = nil
    ) {
        self.system = system
        self.feature = feature
        self.tenant = tenant
        self.maxSteps = max(1, maxSteps)
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.timeout = timeout
        self.deadline = deadline
        self.providerOrder = providerOrder
    }

    /// The gateway request for `messages` with `tools`.
    func request(_ messages: [LLMMessage], tools: [AgentTool]) -> LLMRequest {
        LLMRequest(
            system: system, messages: messages, tools: tools.map(\.llmTool), temperature: temperature, maxTokens: maxTokens,
            timeout: timeout, deadline: deadline, feature: feature, tenant: tenant, providerOrder: providerOrder)
    }
}

/// What answers the agent's requests: the language-model gateway, or a fake in tests.
public protocol AgentModel: Sendable {
    func complete(_ request: LLMRequest) async throws -> LLMResponse
}

extension LLMGateway: AgentModel {}
