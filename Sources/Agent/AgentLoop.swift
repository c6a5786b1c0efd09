import AutopilotCore
import LLM

/// The conversation loop shared by the team's assistant, the visitors' chat agent and the voice agent. It knows no
/// transport: a turn takes a conversation value and gives back the next one, with how the turn ended.
///
/// A turn asks the model; when the model calls tools, read-only ones run in the model's order and their results go back
/// to it, until it answers. A call to a tool that changes something is never run on the model's word: the turn stops
/// with `needsConfirmation`, and `confirm` (or `decline`) settles it later. Unknown tools and arguments that are not
/// JSON or miss the tool's schema go back to the model as errors it can correct. After `settings.maxSteps` model calls
/// without an answer the turn stops with `step_limit`.
public struct AgentLoop: Sendable {
    public let model: any AgentModel
    public let toolbox: AgentToolbox
    public let settings: AgentSettings

    public init(model: any AgentModel, toolbox: AgentToolbox, settings: AgentSettings) {
        self.model = model
        self.toolbox = toolbox
        self.settings = settings
    }

    /// The user's message `text`: one turn. Calls still waiting for the user are declined first (the user moved on).
    public func send(_ text: String, in conversation: AgentConversation) async throws -> AgentTurn {
        var turn = TurnState(conversation: conversation)
        for call in conversation.awaitingConfirmation {
            turn.settle(call, status: .declined, content: Self.movedOn, duration: .zero)
        }
        turn.flushPendingStep()
        turn.conversation.messages.append(.user(text))
        return try await run(&turn)
    }

    /// The user confirmed the waiting call `callID`: it runs, and once no call waits, the model goes on.
    public func confirm(_ callID: String, in conversation: AgentConversation) async throws -> AgentTurn {
        var turn = TurnState(conversation: conversation)
        let call = try Self.awaiting(callID, in: conversation)
        try await execute(call, &turn)
        return try await resume(&turn)
    }

    /// The user declined the waiting call `callID`: the model hears that it was not done, and goes on once no call waits.
    public func decline(_ callID: String, in conversation: AgentConversation, reason: String? = nil) async throws -> AgentTurn {
        var turn = TurnState(conversation: conversation)
        let call = try Self.awaiting(callID, in: conversation)
        let content = "The user declined this action; it was not done." + (reason.map { " Their reason: \($0)" } ?? "")
        turn.settle(call, status: .declined, content: content, duration: .zero)
        return try await resume(&turn)
    }

    static let movedOn = "The user wrote a new message instead of confirming this action; it was not done."

    static func awaiting(_ callID: String, in conversation: AgentConversation) throws(AgentError) -> LLMToolCall {
        guard let call = conversation.awaitingConfirmation.first(where: { $0.id == callID }) else {
            let waiting = conversation.awaitingConfirmation.map(\.id).joined(separator: ", ")
            throw AgentError(
                .unknownCall, "No action \"\(callID)\" is waiting for confirmation (waiting: \(waiting.isEmpty ? "none" : waiting)).")
        }
        return call
    }

    func resume(_ turn: inout TurnState) async throws -> AgentTurn {
        let waiting = turn.conversation.awaitingConfirmation
        if !waiting.isEmpty { return turn.finish(.needsConfirmation(text: "", calls: waiting)) }
        turn.flushPendingStep()
        return try await run(&turn)
    }

    func run(_ turn: inout TurnState) async throws -> AgentTurn {
        for _ in 0..<settings.maxSteps {
            let request = settings.request(turn.conversation.messages, tools: toolbox.tools)
            let started = turn.clock.now
            let response = try await model.complete(request)
            let latency = turn.clock.now - started
            turn.modelTime += latency
            turn.modelCalls.append(AgentModelCall(response, latency: latency))
            turn.conversation.messages.append(.assistant(response.text, toolCalls: response.toolCalls))
            if response.toolCalls.isEmpty { return turn.finish(.answer(response.text)) }

            turn.conversation.pending = AgentPendingStep(calls: response.toolCalls, results: [], awaiting: [])
            for decision in AgentTriage.decide(response.toolCalls, tools: toolbox.tools) {
                switch decision {
                case .run(let call): try await execute(call, &turn)
                case .reject(let call, let reason): turn.settle(call, status: .rejected, content: reason, duration: .zero)
                case .confirm(let call): turn.conversation.pending?.awaiting.append(call)
                }
            }
            let waiting = turn.conversation.awaitingConfirmation
            if !waiting.isEmpty { return turn.finish(.needsConfirmation(text: response.text, calls: waiting)) }
            turn.flushPendingStep()
        }
        let message = "The model asked for tools \(settings.maxSteps) times in a row without answering; the turn was stopped."
        return turn.finish(.stopped(AgentError(.stepLimit, message)))
    }

    /// Runs `call` through the toolbox and settles it with its result (a thrown error becomes a failure).
    func execute(_ call: LLMToolCall, _ turn: inout TurnState) async throws {
        let started = turn.clock.now
        let output: AgentToolOutput
        do {
            output = try await toolbox.execute(call)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            output = .failure("\(call.name) failed: \(error)")
        }
        try Task.checkCancellation()
        let duration = turn.clock.now - started
        turn.toolTime += duration
        switch output {
        case .success(let value): turn.settle(call, status: .succeeded, content: value.jsonString, duration: duration)
        case .failure(let reason): turn.settle(call, status: .failed, content: reason, duration: duration)
        }
    }
}
