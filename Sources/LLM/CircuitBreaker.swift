import Foundation
import Synchronization

/// When a provider's breaker opens and how long it stays open.
public struct BreakerPolicy: Sendable, Hashable {
    /// Consecutive failures that open the breaker.
    public var failureThreshold: Int
    /// How long it stays open before letting one probe through.
    public var cooldown: Duration

    public init(failureThreshold: Int = 5, cooldown: Duration = .seconds(30)) {
        self.failureThreshold = max(1, failureThreshold)
        self.cooldown = cooldown
    }
}

/// The state of a provider's breaker.
public enum BreakerState: String, Sendable, Hashable, Codable {
    /// Calls go through.
    case closed
    /// Calls are skipped until the cooldown ends.
    case open
    /// The cooldown ended: one probe call is allowed; its outcome closes or reopens the breaker.
    case halfOpen = "half_open"
}

/// One provider's circuit breaker, shared by all requests.
public final class CircuitBreaker: Sendable {
    /// What the breaker allows for the next call.
    public enum Permit: Sendable, Hashable {
        case allowed
        case probe
        case rejected
    }

    private struct State {
        var failures = 0
        var openedUntil: Date?
        var probeInFlight = false
    }

    private let policy: BreakerPolicy
    private let state = Mutex(State())

    public init(policy: BreakerPolicy) {
        self.policy = policy
    }

    /// The state at `now`.
    public func state(at now: Date) -> BreakerState {
        state.withLock { current in
            guard let until = current.openedUntil else { return .closed }
            return now < until ? .open : .halfOpen
        }
    }

    /// Asks to make a call at `now`.
    public func permit(at now: Date) -> Permit {
        state.withLock { current in
            guard let until = current.openedUntil else { return .allowed }
            if now < until || current.probeInFlight { return .rejected }
            current.probeInFlight = true
            return .probe
        }
    }

    /// The provider answered (even with an error that is not its fault): close the breaker.
    public func recordSuccess() {
        state.withLock { $0 = State() }
    }

    /// The provider failed: count it, and open the breaker at the threshold or when a probe fails.
    public func recordFailure(at now: Date) {
        state.withLock { current in
            current.failures += 1
            if current.probeInFlight || current.failures >= policy.failureThreshold {
                current.openedUntil = now.addingTimeInterval(policy.cooldown.seconds)
                current.probeInFlight = false
            }
        }
    }

    /// Opens the breaker at once (exhausted quota or billing: nothing to gain by trying again soon).
    public func trip(at now: Date) {
        state.withLock { current in
            current.failures = max(current.failures, policy.failureThreshold)
            current.openedUntil = now.addingTimeInterval(policy.cooldown.seconds)
            current.probeInFlight = false
        }
    }
}
