import Engine
import Flows
import Foundation
import Tools

/// How the dashboard is served.
public struct DashboardConfiguration: Sendable {
    /// Mark the session cookie `Secure` (behind HTTPS). Default: on when the public base URL is https.
    public var secureCookies: Bool
    /// Largest form body accepted, in bytes.
    public var maximumFormBytes: Int
    /// Read the client's address from `X-Forwarded-For` (behind a trusted reverse proxy), for the login rate limit.
    public var trustForwardedFor: Bool
    /// The channels and integrations this instance has configured (what `/health` lists).
    public var integrations: IntegrationInventory
    /// The address vendors reach this server at, to show webhook URLs in full.
    public var publicBaseURL: String?
    /// Quiet hours and frequency caps the worker applies (shown read-only: they are set in the environment).
    public var sendingRules: SmartSendingSettings
    /// The senders a template's test send goes through: give the worker's (`WorkerConfiguration.senders`) so a test reaches what flows would.
    public var senders = SenderDirectory()
    /// What the assistant MAX's tools read (sending rules, supplier routing, message prices, Stripe).
    public var toolSettings = ToolSettings()
    /// MAX's tools (the server adds the voice agent's `place_call` to the catalogue).
    public var toolRegistry = ToolRegistry()

    public init(
        secureCookies: Bool = false, maximumFormBytes: Int = 256 * 1024, trustForwardedFor: Bool = false,
        integrations: IntegrationInventory = IntegrationInventory(), publicBaseURL: String? = nil,
        sendingRules: SmartSendingSettings = SmartSendingSettings()
    ) {
        self.sendingRules = sendingRules
        self.secureCookies = secureCookies
        self.maximumFormBytes = maximumFormBytes
        self.trustForwardedFor = trustForwardedFor
        self.integrations = integrations
        self.publicBaseURL = publicBaseURL
    }
}
