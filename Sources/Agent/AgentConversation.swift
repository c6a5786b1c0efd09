import LLM

/// A conversation as the agent carries it between turns: the messages so far and, when a turn stopped to ask the user,
/// the step waiting for them. A value: the caller keeps it (in memory, in a store) and hands it back on the next turn.
public struct AgentConversation: Sendable, Hashable, Codable {
    /// The messages, oldest first, as the model sees them.
    public var messages: [LLMMessage]
    /// The step whose state-changing calls wait for the user's answer; nil when nothing waits.
    public var pending: AgentPendingStep?

    public init(messages: [LLMMessage] = [], pending: AgentPendingStep? = nil) {
        self.messages = messages
        self.pending = pending
    }

    /// The calls waiting for the user to confirm or decline them.
    public var awaitingConfirmation: [LLMToolCall] { pending?.awaiting ?? [] }
}

/// A step of the model whose calls are not all answered yet: some wait for the user.
public struct AgentPendingStep: Sendable, Hashable, Codable {
    /// Every call of the step, in the model's order.
    public var calls: [LLMToolCall]
    /// The results known so far (calls that ran or were rejected).
    public var results: [LLMMessage]
    /// The calls that change something, waiting for the user.
    public var awaiting: [LLMToolCall]

    public init(calls: [LLMToolCall], results: [LLMMessage], awaiting: [LLMToolCall]) {
        self.calls = calls
        self.results = results
        self.awaiting = awaiting
    }

    /// The results in the order of the calls, once nothing waits.
    var orderedResults: [LLMMessage] {
        calls.compactMap { call in results.first { $0.toolCallID == call.id } }
    }
}
