import Foundation

/// The numbers accounts run by: hashing cost, session lifetime, the sign-in rate limits, password length.
public struct AccountPolicy: Sendable, Equatable {
    /// The scrypt cost of new and upgraded password hashes.
    public var hashing: ScryptParameters = .standard
    /// A session ends after this long without use (sliding).
    public var sessionLifetime: TimeInterval = 12 * 3600
    /// A session's expiry is pushed back at most this often (one write a minute, not one per request).
    public var renewalInterval: TimeInterval = 60
    /// The window failed sign-ins are counted over.
    public var attemptWindow: TimeInterval = 15 * 60
    /// Failures of one account within the window before it is throttled.
    public var accountFailureLimit = 5
    /// Failures from one address within the window before it is throttled.
    public var addressFailureLimit = 20
    public var minimumPasswordLength = 10
    /// Longer passwords are refused (hashing them would be an easy way to burn CPU).
    public var maximumPasswordLength = 1024
    /// The longest a one-time login link may live.
    public var maximumLinkLifetime: TimeInterval = 7 * 24 * 3600

    public init() {}

    public static let standard = AccountPolicy()
}

/// When a key has failed too often: the seconds until enough of its failures leave the window.
enum LoginThrottle {
    /// nil while `failures` (oldest first, all inside the window) stay under `limit`.
    static func retryAfter(failures: [Date], limit: Int, window: TimeInterval, now: Date) -> Int? {
        guard limit > 0, failures.count >= limit else { return nil }
        let pivot = failures[failures.count - limit]
        return max(1, Int((pivot.addingTimeInterval(window).timeIntervalSince(now)).rounded(.up)))
    }

    static func accountKey(_ email: String) -> String { "account:" + email }
    static func addressKey(_ address: String) -> String { "address:" + address }
}
