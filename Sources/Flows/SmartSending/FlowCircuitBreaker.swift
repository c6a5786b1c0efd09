import Foundation

/// A flow's send-quality breaker (seed 003: pause when the success rate falls below 85%). Pure value: record each send
/// outcome, act on the returned decision; once paused it stays paused until a person calls ``resume(by:at:)``.
public struct FlowCircuitBreaker: Sendable, Hashable, Codable {
    /// Whether the flow may send.
    public enum Status: Sendable, Hashable, Codable {
        case running
        case paused(FlowPause)
    }

    public let settings: FlowCircuitBreakerSettings
    /// Running or paused, with the pause's numbers.
    public private(set) var status: Status
    /// The latest outcomes, oldest first, at most `settings.window` of them (true: sent).
    public private(set) var recentOutcomes: [Bool]
    /// Who resumed the flow last, and when.
    public private(set) var lastResume: FlowResume?

    public init(settings: FlowCircuitBreakerSettings = FlowCircuitBreakerSettings()) {
        self.settings = settings
        status = .running
        recentOutcomes = []
        lastResume = nil
    }

    /// True while the flow may send.
    public var allowsSending: Bool { status == .running }

    /// Successful sends among ``recentOutcomes``.
    public var successes: Int { recentOutcomes.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// Records one message's send outcome and says what the flow must do now.
    public mutating func record(_ outcome: SendOutcome, at now: Date) -> CircuitBreakerDecision {
        let window = max(settings.window, 1)
        recentOutcomes.append(outcome == .succeeded)
        if recentOutcomes.count > window { recentOutcomes.removeFirst(recentOutcomes.count - window) }
        if case .paused(let pause) = status { return .stayPaused(pause) }
        let total = recentOutcomes.count
        guard total >= min(max(settings.minimumMessages, 1), window) else { return .keepSending }
        let sent = successes
        let rate = Double(sent) / Double(total)
        guard rate < settings.minimumSuccessRate else { return .keepSending }
        let pause = FlowPause(at: now, successes: sent, messages: total, successRate: rate, threshold: settings.minimumSuccessRate)
        status = .paused(pause)
        return .pause(pause)
    }

    /// A person resumes the flow. The outcome window starts afresh, so the failures that tripped the breaker do not
    /// trip it again at once; the engine re-checks queued messages with the sending policy rather than bursting them out.
    public mutating func resume(by person: String, at now: Date) {
        status = .running
        recentOutcomes = []
        lastResume = FlowResume(by: person, at: now)
    }
}
