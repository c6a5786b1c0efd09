import Foundation

/// A token bucket: holds up to `capacity` tokens (the burst), gains `refill` tokens every `interval` seconds, spread evenly.
/// One request takes one token. Pure: time comes in as `now`.
public struct TokenBucket: Sendable, Equatable {
    public let capacity: Double
    /// Tokens gained per second.
    public let ratePerSecond: Double
    public private(set) var tokens: Double
    public private(set) var updatedAt: Date?

    /// - Parameters:
    ///   - capacity: the burst, at least 1 (HubSpot: 190).
    ///   - refill: tokens per `interval` (HubSpot: 100 per 10 s), more than 0.
    /// The bucket starts full.
    public init(capacity: Int, refill: Int, per interval: TimeInterval) {
        let burst = Double(max(1, capacity))
        self.capacity = burst
        ratePerSecond = interval > 0 && refill > 0 ? Double(refill) / interval : burst
        tokens = burst
        updatedAt = nil
    }

    /// Takes a token when one is available at `now` and returns 0; otherwise takes nothing and returns the seconds until one
    /// will be.
    public mutating func take(now: Date) -> TimeInterval {
        refill(now: now)
        if tokens >= 1 {
            tokens -= 1
            return 0
        }
        return (1 - tokens) / ratePerSecond
    }

    private mutating func refill(now: Date) {
        guard let last = updatedAt else {
            updatedAt = now
            return
        }
        guard now > last else { return }
        tokens = min(capacity, tokens + now.timeIntervalSince(last) * ratePerSecond)
        updatedAt = now
    }
}
