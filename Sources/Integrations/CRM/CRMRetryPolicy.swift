import Foundation

/// When a record that the CRM refused is tried again: exponential backoff from `baseDelay` doubling up to `maxDelay`, plus up
/// to `jitter` seconds at random (so many workers do not retry in step), never sooner than the CRM's `Retry-After`; after
/// `maxAttempts` attempts the record is given up (kept as failed, with the reason).
public struct CRMRetryPolicy: Sendable, Equatable {
    public var maxAttempts: Int
    public var baseDelay: TimeInterval
    public var maxDelay: TimeInterval
    public var jitter: TimeInterval

    /// The HubSpot discipline: 5 attempts, 1 s to 30 s, 500 ms of jitter.
    public init(maxAttempts: Int = 5, baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 30, jitter: TimeInterval = 0.5) {
        self.maxAttempts = max(1, maxAttempts)
        // At least a millisecond: a record refused in a pass is never due again in the same pass.
        self.baseDelay = max(0.001, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.jitter = max(0, jitter)
    }

    /// The wait after failed attempt number `attempt` (1 for the first): `baseDelay · 2^(attempt-1)` capped at `maxDelay`, plus
    /// `unit · jitter` (`unit` in 0...1, clamped), and at least `retryAfter` when the CRM said so.
    public func delay(afterAttempt attempt: Int, retryAfter: TimeInterval? = nil, unit: Double) -> TimeInterval {
        let exponent = Double(min(max(attempt, 1), 32) - 1)
        let backoff = min(maxDelay, baseDelay * pow(2, exponent))
        let spread = (unit.isFinite ? min(max(unit, 0), 1) : 0) * jitter
        return max(backoff + spread, retryAfter ?? 0)
    }

    /// Whether attempt number `attempt` was the last one allowed.
    public func isExhausted(afterAttempt attempt: Int) -> Bool { attempt >= maxAttempts }
}

/// Reads an HTTP `Retry-After` header: delay seconds, or an HTTP date (RFC 9110 §10.2.3).
public enum RetryAfterHeader {
    /// Seconds to wait from `now`; nil when the value is neither form; 0 for a date already past.
    public static func seconds(_ value: String, now: Date) -> TimeInterval? {
        let text = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(text) { return seconds.isFinite && seconds >= 0 ? seconds : nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: text) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }
}
