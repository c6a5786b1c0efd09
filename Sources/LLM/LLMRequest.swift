/// One request to the gateway, whatever provider ends up answering it.
public struct LLMRequest: Sendable, Hashable {
    /// The system prompt.
    public var system: String?
    /// The conversation, oldest first.
    public var messages: [LLMMessage]
    /// When set, the answer must be JSON satisfying this schema.
    public var structuredOutput: StructuredOutput?
    /// Functions the model may call.
    public var tools: [LLMTool]
    /// Sampling temperature, when the caller wants one.
    public var temperature: Double?
    /// The most tokens the answer may have.
    public var maxTokens: Int
    /// The longest one HTTP attempt may take.
    public var timeout: Duration
    /// The longest the whole request may take, across retries and providers.
    public var deadline: Duration
    /// The feature asking (accounting, offline templates): e.g. "template_draft", "blog", "weekly_report".
    public var feature: String
    /// The tenant paying (accounting, budget).
    public var tenant: String
    /// Provider names to try, in order, for this request only (e.g. the tenant's setting read from the store);
    /// nil uses the configuration's tenant order or the default order.
    public var providerOrder: [String]?

    public init(
        system: String? = nil,
        messages: [LLMMessage],
        structuredOutput: StructuredOutput? = nil,
        tools: [LLMTool] = [],
        temperature: Double? = nil,
        maxTokens: Int = 1024,
        timeout: Duration = .seconds(30),
        deadline: Duration = .seconds(90),
        feature: String,
        tenant: String,
        providerOrder: [String]? = nil
    ) {
        self.system = system
        self.messages = messages
        self.structuredOutput = structuredOutput
        self.tools = tools
        self.temperature = temperature
        self.maxTokens = maxTokens
        self.timeout = timeout
        self.deadline = deadline
        self.feature = feature
        self.tenant = tenant
        self.providerOrder = providerOrder
    }

    /// The text of the last user message, or an empty string.
    public var lastUserText: String {
        messages.last(where: { $0.role == .user })?.content ?? ""
    }
}
