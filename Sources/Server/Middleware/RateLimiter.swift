import AutopilotCore
import Foundation
import Synchronization

/// Token buckets per API key: `rate` tokens a second, up to `burst`. Time comes from the clock.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: Date
    }

    private let rate: Double
    private let burst: Double
    private let clock: any Clock
    private let buckets = Mutex<[String: Bucket]>([:])

    init(rate: Double, burst: Double, clock: any Clock) {
        self.rate = rate
        self.burst = burst
        self.clock = clock
    }

    /// Takes a token for `key`; when none is left, the seconds until one is.
    func acquire(_ key: String) -> TimeInterval? {
        let now = clock.now()
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + max(0, now.timeIntervalSince(bucket.updated)) * rate)
            bucket.updated = now
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            return (1 - bucket.tokens) / rate
        }
    }
}
