import Foundation
import Synchronization

/// Time as an input: what the gateway reads for deadlines, cooldowns and budgets, and how it waits between retries.
public protocol LLMClock: Sendable {
    /// The current wall time.
    var now: Date { get }
    /// Waits; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock.
public struct SystemLLMClock: LLMClock {
    public init() {}
    public var now: Date { Date() }
    public func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// A clock that only moves when told to: `sleep(for:)` returns at once and moves time forward by the duration.
/// For tests, simulations and demos, so backoff never really waits.
public final class ManualLLMClock: LLMClock {
    private let state: Mutex<(now: Date, sleeps: [Duration])>

    public init(now: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        state = Mutex((now: now, sleeps: []))
    }

    public var now: Date { state.withLock { $0.now } }

    /// Every sleep asked for, in order.
    public var sleeps: [Duration] { state.withLock { $0.sleeps } }

    public func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.sleeps.append(duration)
            $0.now = $0.now.addingTimeInterval(duration.seconds)
        }
    }

    /// Moves time forward.
    public func advance(by duration: Duration) {
        state.withLock { $0.now = $0.now.addingTimeInterval(duration.seconds) }
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }

    /// A duration from seconds (negative and non-finite values give zero).
    public static func fromSeconds(_ value: Double) -> Duration {
        guard value.isFinite, value > 0 else { return .zero }
        return .nanoseconds(Int64(min(value, 1e9) * 1e9))
    }
}
