import LLM

/// What a turn gathers while it runs: the conversation, the calls made, and the time spent.
struct TurnState {
    let clock = ContinuousClock()
    let started: ContinuousClock.Instant
    var conversation: AgentConversation
    var modelCalls: [AgentModelCall] = []
    var toolRuns: [AgentToolRun] = []
    var modelTime: Duration = .zero
    var toolTime: Duration = .zero

    init(conversation: AgentConversation) {
        self.conversation = conversation
        started = clock.now
    }

    /// Records the outcome of `call` and its result for the model, in the pending step.
    mutating func settle(_ call: LLMToolCall, status: AgentToolRun.Status, content: String, duration: Duration) {
        toolRuns.append(AgentToolRun(call: call, status: status, content: content, duration: duration))
        let failed = status != .succeeded
        conversation.pending?.results.append(.toolResult(callID: call.id, name: call.name, content: content, isError: failed))
        conversation.pending?.awaiting.removeAll { $0.id == call.id }
    }

    /// Once no call waits, the step's results join the conversation, in the order of the calls.
    mutating func flushPendingStep() {
        guard let step = conversation.pending, step.awaiting.isEmpty else { return }
        conversation.messages += step.orderedResults
        conversation.pending = nil
    }

    func finish(_ outcome: AgentOutcome) -> AgentTurn {
        AgentTurn(
            conversation: conversation, outcome: outcome, modelCalls: modelCalls, toolRuns: toolRuns,
            timing: AgentTurnTiming(total: clock.now - started, model: modelTime, tools: toolTime))
    }
}
