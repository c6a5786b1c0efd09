import Engine
import Foundation

/// How the dashboard is served.
public struct DashboardConfiguration: Sendable {
    /// Mark the session cookie `Secure` (behind HTTPS). Default: on when the public base URL is https.
    public var secureCookies: Bool
    /// Largest form body accepted, in bytes.
    public var maximumFormBytes: Int
    /// Read the client's address from `X-Forwarded-For` (behind a trusted reverse proxy), for the login rate limit.
    public var trustForwardedFor: Bool
    /// The senders a template's test send goes through: give the worker's (`WorkerConfiguration.senders`) so a test reaches what flows would.
    public var senders = SenderDirectory()

    public init(secureCookies: Bool = false, maximumFormBytes: Int = 256 * 1024, trustForwardedFor: Bool = false) {
        self.secureCookies = secureCookies
        self.maximumFormBytes = maximumFormBytes
        self.trustForwardedFor = trustForwardedFor
    }
}
