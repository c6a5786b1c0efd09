import AutopilotCore
import Foundation

/// How Autopilot reaches Stripe's API: the secret key (`STRIPE_SECRET_KEY`, `sk_live_…`, `sk_test_…` or a restricted
/// `rk_…` key allowed to write prices and payment links), the API's base URL (`STRIPE_API_BASE_URL`, for tests and
/// proxies) and an optional pinned API version (`STRIPE_API_VERSION`).
public struct StripeSettings: Sendable, Equatable {
    public var secretKey: String
    public var baseURL: String
    public var apiVersion: String?

    public static let defaultBaseURL = "https://api.stripe.com"

    public init(secretKey: String, baseURL: String = StripeSettings.defaultBaseURL, apiVersion: String? = nil) {
        self.secretKey = secretKey
        self.baseURL = PublishingHTTP.trimmed(baseURL)
        self.apiVersion = apiVersion
    }

    /// The settings when `STRIPE_SECRET_KEY` is set, else nil; a malformed value is refused naming its variable.
    public static func fromEnvironment(_ environment: [String: String]) throws -> StripeSettings? {
        guard let key = environment["STRIPE_SECRET_KEY"]?.trimmingCharacters(in: .whitespaces), !key.isEmpty else { return nil }
        guard key.hasPrefix("sk_") || key.hasPrefix("rk_") else {
            throw ConfigurationError(variable: "STRIPE_SECRET_KEY", reason: "a Stripe secret key starts with sk_ (or rk_ for a restricted key)")
        }
        var settings = StripeSettings(secretKey: key)
        if let base = environment["STRIPE_API_BASE_URL"], !base.isEmpty {
            guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
                throw ConfigurationError(variable: "STRIPE_API_BASE_URL", reason: "\"\(base)\" must start with https:// or http://")
            }
            settings.baseURL = PublishingHTTP.trimmed(base)
        }
        if let version = environment["STRIPE_API_VERSION"], !version.isEmpty { settings.apiVersion = version }
        return settings
    }
}
