/// How one provider is retried within one request (seed 001: base 1 s, max 30 s, jitter 500 ms).
public struct RetryPolicy: Sendable, Hashable {
    /// The first backoff delay.
    public var baseDelay: Duration
    /// The longest backoff delay, and the longest Retry-After the gateway will wait on one provider.
    public var maxDelay: Duration
    /// Up to this much random time is added to each backoff delay.
    public var jitter: Duration
    /// Attempts per provider per request, before the chain moves on.
    public var maxAttemptsPerProvider: Int

    public init(
        baseDelay: Duration = .seconds(1), maxDelay: Duration = .seconds(30), jitter: Duration = .milliseconds(500),
        maxAttemptsPerProvider: Int = 2
    ) {
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
        self.jitter = jitter
        self.maxAttemptsPerProvider = max(1, maxAttemptsPerProvider)
    }

    /// The exponential backoff after `failedAttempts` failures (1 for the first): base × 2^(n−1), capped at the
    /// maximum, plus `unit` × jitter.
    public func backoff(afterFailedAttempts failedAttempts: Int, unit: Double) -> Duration {
        let exponent = Double(max(0, min(failedAttempts - 1, 30)))
        let delay = min(maxDelay.seconds, baseDelay.seconds * pow2(exponent))
        return .fromSeconds(delay + max(0, min(unit, 1)) * jitter.seconds)
    }

    private func pow2(_ exponent: Double) -> Double {
        var result = 1.0
        var remaining = Int(exponent)
        while remaining > 0 {
            result *= 2
            remaining -= 1
        }
        return result
    }
}
