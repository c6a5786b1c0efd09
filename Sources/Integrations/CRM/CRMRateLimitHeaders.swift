import Foundation

/// How long a CRM asks to wait, from its answer's headers: `Retry-After` first; on a 429 without it, HubSpot's
/// `X-HubSpot-RateLimit-Interval-Milliseconds` (the rolling window) or Pipedrive's `X-RateLimit-Reset` (seconds until the
/// window resets).
public enum CRMRateLimitHeaders {
    /// Seconds to wait, or nil when the answer does not say.
    public static func wait(status: Int, headers: [(name: String, value: String)], now: Date) -> TimeInterval? {
        func header(_ name: String) -> String? { headers.first { $0.name.lowercased() == name }?.value }
        if let retryAfter = header("retry-after").flatMap({ RetryAfterHeader.seconds($0, now: now) }) { return retryAfter }
        guard status == 429 else { return nil }
        if let window = header("x-hubspot-ratelimit-interval-milliseconds").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
            window.isFinite, window > 0
        {
            return window / 1000
        }
        if let reset = header("x-ratelimit-reset").flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }), reset.isFinite, reset >= 0 {
            return reset
        }
        return nil
    }
}
