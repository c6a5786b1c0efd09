import Foundation
import LLM
import Synchronization

/// An in-memory provider answering from a script, one step per call (the last step repeats).
final class ScriptedProvider: LLMProvider {
    enum Step: Sendable {
        case answer(String)
        case fail(LLMError.Code, status: Int? = nil, retryAfter: Double? = nil)
    }

    let name: String
    let model: String
    private let steps: [Step]
    private let received = Mutex<[LLMRequest]>([])
    private let clock: ManualLLMClock?
    private let takes: Duration

    /// - Parameters:
    ///   - clock, takes: when given, each call moves the manual clock forward by `takes`.
    init(_ name: String, model: String = "model-x", _ steps: [Step], clock: ManualLLMClock? = nil, takes: Duration = .zero) {
        self.name = name
        self.model = model
        self.steps = steps
        self.clock = clock
        self.takes = takes
    }

    var calls: Int { received.withLock { $0.count } }
    var requests: [LLMRequest] { received.withLock { $0 } }

    func complete(_ request: LLMRequest, timeout: Duration, now: Date) async throws -> LLMResponse {
        let index = received.withLock { list -> Int in
            list.append(request)
            return list.count - 1
        }
        clock?.advance(by: takes)
        switch steps.isEmpty ? .answer("") : steps[min(index, steps.count - 1)] {
        case .answer(let text):
            return LLMResponse(text: text, usage: TokenUsage(input: 1000, output: 500), provider: name, model: model, finishReason: .stop)
        case .fail(let code, let status, let retryAfter):
            throw LLMError(code, "scripted \(code.rawValue)", status: status, retryAfterSeconds: retryAfter, provider: name)
        }
    }
}

/// Builds a gateway over scripted providers with a manual clock and a seeded random source.
struct ChainHarness {
    let clock: ManualLLMClock
    let recorder = InMemoryUsageRecorder()
    let gateway: LLMGateway

    init(
        _ providers: [ScriptedProvider], clock: ManualLLMClock = ManualLLMClock(now: Fixtures.now), budget: BudgetPolicy = BudgetPolicy(),
        breaker: BreakerPolicy = BreakerPolicy(),
        retry: RetryPolicy = RetryPolicy(),
        prices: PriceTable = PriceTable(prices: ["model-x": ModelPrice(inputPerMillion: 2, outputPerMillion: 10)]),
        offline: OfflineProvider = OfflineProvider(), fallsBackToOffline: Bool = true
    ) {
        self.clock = clock
        let configuration = GatewayConfiguration(
            providers: [], retry: retry, breaker: breaker, budget: budget, prices: prices,
            fallsBackToOffline: fallsBackToOffline)
        gateway = LLMGateway(
            configuration: configuration, providers: providers, recorder: recorder, clock: clock,
            random: SeededRandomSource(seed: 1), offline: offline)
    }
}
