import AutopilotCore
import LLM

/// How a turn ended.
public enum AgentOutcome: Sendable, Hashable {
    /// The model's final answer for the user.
    case answer(String)
    /// The model wants to run tools that change something: show `calls` as drafts and ask the user to confirm each
    /// (`AgentLoop.confirm`) or decline it. `text` is what the model said along with them (may be empty).
    case needsConfirmation(text: String, calls: [LLMToolCall])
    /// The turn stopped without an answer (the step limit); the conversation stays usable.
    case stopped(AgentError)
}

/// One model call of a turn, for accounting and the transcript.
public struct AgentModelCall: Sendable, Hashable {
    /// The provider that answered ("openai", …, "offline").
    public var provider: String
    public var model: String
    /// Its cost in US dollars (failed attempts before it cost nothing).
    public var costUSD: Double
    public var usage: TokenUsage
    /// The gateway's time for the call, retries and failovers included.
    public var latency: Duration
    /// The attempts that failed before this answer, as "provider:code".
    public var failures: [String]
    /// Why the offline provider answered, when it did.
    public var offlineReason: String?
    /// How many tools the model asked for.
    public var toolCalls: Int

    init(_ response: LLMResponse, latency: Duration) {
        provider = response.provider
        model = response.model
        costUSD = response.costUSD
        usage = response.usage
        self.latency = latency
        failures = response.failures.map { "\($0.provider ?? "?"):\($0.code.rawValue)" }
        offlineReason = response.offlineReason
        toolCalls = response.toolCalls.count
    }
}

/// One tool call the agent settled during a turn.
public struct AgentToolRun: Sendable, Hashable {
    public enum Status: String, Sendable, Hashable {
        /// The tool ran and gave a result.
        case succeeded
        /// The tool ran and failed, or threw.
        case failed
        /// Not run: unknown tool, or arguments not JSON or not matching the schema.
        case rejected
        /// Not run: the user declined it (or wrote something else instead of confirming).
        case declined
    }

    public var call: LLMToolCall
    public var status: Status
    /// What went back to the model: the result's JSON text, or the reason.
    public var content: String
    public var duration: Duration
}

/// Where a turn's time went. `overhead` is the agent's own share: the turn minus the model calls and the tools.
public struct AgentTurnTiming: Sendable, Hashable {
    public var total: Duration
    public var model: Duration
    public var tools: Duration

    public var overhead: Duration { total - model - tools }
}

/// What one turn produced: the conversation to keep, how the turn ended, and its accounting.
public struct AgentTurn: Sendable, Hashable {
    public var conversation: AgentConversation
    public var outcome: AgentOutcome
    /// Every model call of the turn, in order, with its provider and cost.
    public var modelCalls: [AgentModelCall]
    /// Every tool call settled during the turn, in order.
    public var toolRuns: [AgentToolRun]
    public var timing: AgentTurnTiming

    /// The turn's cost in US dollars.
    public var costUSD: Double { modelCalls.reduce(0) { $0 + $1.costUSD } }
}
