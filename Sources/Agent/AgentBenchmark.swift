import AutopilotCore
import LLM

/// Figures from one agent benchmark run.
public struct AgentBenchmarkResult: Sendable, Hashable, Codable {
    /// Turns measured (each: the user's message, a tool call, its result, the answer: two model calls).
    public var turns: Int
    /// A turn's wall time, mean, in milliseconds.
    public var turnMeanMilliseconds: Double
    /// The loop's own time per turn (the turn minus its model calls and tools, timed inside the turn), in microseconds.
    public var overheadMeanMicroseconds: Double
    public var overheadP50Microseconds: Double
    public var overheadP99Microseconds: Double
    /// Cross-check, in microseconds: a turn minus the two raw gateway calls it makes, timed in the same run, interleaved
    /// (noisy on a shared machine: the difference is small against two HTTP round trips).
    public var subtractedOverheadMicroseconds: Double
    /// The two raw gateway calls of a turn, mean, in milliseconds.
    public var baselineMilliseconds: Double
    /// Turns that did not end with the loopback model's answer; should be 0.
    public var failedTurns: Int
}

/// Measures the agent loop against a loopback OpenAI-compatible model that the caller started: it must answer a request
/// without a tool result with a call to `lookup_order`, and one with a tool result with a final text.
public enum AgentBenchmark {
    static let tool = AgentTool(
        name: "lookup_order", description: "Finds an order by its number.",
        inputSchema: ["type": "object", "properties": ["order_id": ["type": "string", "minLength": 1]], "required": ["order_id"]],
        changesState: false)

    static let result: JSONValue = ["order_id": "A-1042", "status": "shipped", "carrier": "Colissimo", "tracking": "6A12345678901"]

    static let settings = AgentSettings(
        system: "You answer customers of a small online shop.", feature: "benchmark", tenant: "benchmark", maxSteps: 4, maxTokens: 256,
        timeout: .seconds(10), deadline: .seconds(30))

    /// Runs `turns` turns (after a warm-up) against the model at `baseURL`, interleaved with the same two model calls
    /// made directly on the gateway.
    public static func run(baseURL: String, transport: any LLMTransport, turns: Int = 2_000) async throws -> AgentBenchmarkResult {
        let provider = ProviderConfiguration(kind: .compatible, baseURL: baseURL, apiKey: nil, model: "benchmark-model")
        let gateway = LLMGateway(configuration: GatewayConfiguration(providers: [provider]), transport: transport)
        let toolbox = AgentToolbox(tools: [tool]) { _ in .success(result) }
        let loop = AgentLoop(model: gateway, toolbox: toolbox, settings: settings)
        let question = "Où en est ma commande A-1042 ?"

        let first = settings.request([.user(question)], tools: [tool])
        let call = LLMToolCall(id: "call_1", name: tool.name, arguments: ["order_id": "A-1042"])
        let second = settings.request(
            [.user(question), .assistant("", toolCalls: [call]), .toolResult(callID: call.id, name: call.name, content: result.jsonString)],
            tools: [tool])

        let clock = ContinuousClock()
        for _ in 0..<min(200, turns) {
            _ = try await loop.send(question, in: AgentConversation())
            _ = try await gateway.complete(first)
        }
        var overheads: [Double] = []
        overheads.reserveCapacity(turns)
        var turnTotal = 0.0
        var baselineTotal = 0.0
        var failed = 0
        for _ in 0..<max(1, turns) {
            let turnStart = clock.now
            let turn = try await loop.send(question, in: AgentConversation())
            let baselineStart = clock.now
            _ = try await gateway.complete(first)
            _ = try await gateway.complete(second)
            turnTotal += (baselineStart - turnStart).seconds
            baselineTotal += (clock.now - baselineStart).seconds
            overheads.append(turn.timing.overhead.seconds)
            if !answeredByTheModel(turn) { failed += 1 }
        }
        let count = Double(max(1, turns))
        let sorted = overheads.sorted()
        return AgentBenchmarkResult(
            turns: turns, turnMeanMilliseconds: turnTotal / count * 1000,
            overheadMeanMicroseconds: overheads.reduce(0, +) / count * 1e6,
            overheadP50Microseconds: percentile(sorted, 0.50) * 1e6, overheadP99Microseconds: percentile(sorted, 0.99) * 1e6,
            subtractedOverheadMicroseconds: (turnTotal - baselineTotal) / count * 1e6, baselineMilliseconds: baselineTotal / count * 1000,
            failedTurns: failed)
    }

    static func answeredByTheModel(_ turn: AgentTurn) -> Bool {
        guard case .answer = turn.outcome else { return false }
        return turn.modelCalls.count == 2 && turn.modelCalls.allSatisfy { $0.offlineReason == nil }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))]
    }
}
