import AutopilotCore
import Content
import Engine
import Flows
import Foundation
import Integrations
import Storage
import Voice

/// How the HTTP API is served. Every field has a zero-configuration default.
public struct ServerConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// Largest accepted request body (default 5 MB): larger ones get 413.
    public var maximumBodyBytes = 5 * 1024 * 1024
    /// Per API key: sustained requests per second and burst.
    public var rateLimitPerSecond = 50.0
    public var rateLimitBurst = 100.0
    /// Whether `GET /metrics` is served.
    public var metricsEnabled = true
    /// The public base URL vendors call (e.g. https://autopilot.example.com), for signatures over the URL (Twilio).
    public var publicBaseURL: String?
    /// The key that checks tracking and unsubscribe links (AUTOPILOT_TRACKING_SECRET); nil: the database's own secret.
    public var trackingSecret: String?
    /// The integrations this process is configured for, listed by `GET /health` (from the environment by `serve`).
    public var integrations = IntegrationInventory()
    /// The CRMs the worker syncs (HUBSPOT_*, PIPEDRIVE_*), shown in `GET /health`.
    public var crm = CRMSettings()
    /// What one message costs, for the weekly report (AUTOPILOT_MESSAGE_COST_*, AUTOPILOT_REPORT_CURRENCY).
    public var messagePrices = MessagePrices()
    /// How order lines split between dropshipping suppliers (AUTOPILOT_SUPPLIER_PREFIXES; the default table when it is
    /// invalid, which the worker refuses).
    public var supplierRouting = OrderRoutingTable.defaults

    /// The sending rules (quiet hours, frequency caps) the worker applies, shown read-only on the dashboard's settings.
    public var sendingRules = SmartSendingSettings()
    /// Serve the dashboard at `/` (`AUTOPILOT_DASHBOARD=off` serves the API only).
    public var dashboardEnabled = true
    /// Stripe, for payment links (`STRIPE_SECRET_KEY`, `STRIPE_API_BASE_URL`, `STRIPE_API_VERSION`); nil: not configured.
    public var stripe: StripeSettings?
    /// The visitors' chat API's rate limits.
    public var chatLimits = ChatLimits()
    /// The voice agent: realtime providers, limits per tenant, tools on a call (docs/voice.md).
    public var voice = VoiceSettings()
    /// Keeps tenants' secret settings encrypted (AUTOPILOT_SETTINGS_KEY); nil: secrets cannot be set.
    public var settingsCipher: SettingsCipher?

    public init() {}

    /// Reads AUTOPILOT_HOST, AUTOPILOT_PORT, AUTOPILOT_MAX_BODY_BYTES, AUTOPILOT_RATE_LIMIT, AUTOPILOT_RATE_BURST, AUTOPILOT_METRICS,
    /// AUTOPILOT_PUBLIC_URL, AUTOPILOT_TRACKING_SECRET, the CRMs', the message prices and the supplier prefixes.
    public static func fromEnvironment(_ environment: [String: String]) throws -> ServerConfiguration {
        var configuration = ServerConfiguration()
        configuration.integrations = IntegrationInventory.fromEnvironment(environment)
        // Shown read-only on the dashboard; the worker reads and checks these variables itself (a wrong one stops the
        // worker, not the API).
        configuration.sendingRules = (try? FlowEngineSettings.fromEnvironment(environment))?.smartSending ?? SmartSendingSettings()
        if let value = environment["AUTOPILOT_DASHBOARD"] {
            switch value.lowercased() {
            case "on", "1", "true", "yes": configuration.dashboardEnabled = true
            case "off", "0", "false", "no": configuration.dashboardEnabled = false
            default: throw ConfigurationError(variable: "AUTOPILOT_DASHBOARD", reason: "\"\(value)\" is not on or off")
            }
        }
        configuration.settingsCipher = try SettingsCipher.fromEnvironment(environment)
        if let host = environment["AUTOPILOT_HOST"], !host.isEmpty { configuration.host = host }
        if let value = environment["AUTOPILOT_PORT"] {
            guard let port = Int(value), (0...65535).contains(port) else {
                throw ConfigurationError(variable: "AUTOPILOT_PORT", reason: "\"\(value)\" is not a port number")
            }
            configuration.port = port
        }
        if let value = environment["AUTOPILOT_MAX_BODY_BYTES"] {
            guard let bytes = Int(value), bytes > 0 else {
                throw ConfigurationError(variable: "AUTOPILOT_MAX_BODY_BYTES", reason: "\"\(value)\" is not a positive integer")
            }
            configuration.maximumBodyBytes = bytes
        }
        if let value = environment["AUTOPILOT_RATE_LIMIT"] {
            guard let rate = Double(value), rate > 0 else {
                throw ConfigurationError(variable: "AUTOPILOT_RATE_LIMIT", reason: "\"\(value)\" is not a positive number")
            }
            configuration.rateLimitPerSecond = rate
        }
        if let value = environment["AUTOPILOT_RATE_BURST"] {
            guard let burst = Double(value), burst >= 1 else {
                throw ConfigurationError(variable: "AUTOPILOT_RATE_BURST", reason: "\"\(value)\" is not a number ≥ 1")
            }
            configuration.rateLimitBurst = burst
        }
        if let value = environment["AUTOPILOT_PUBLIC_URL"], !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "AUTOPILOT_PUBLIC_URL", reason: "\"\(value)\" must start with http:// or https://")
            }
            configuration.publicBaseURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        if let value = environment["AUTOPILOT_TRACKING_SECRET"], !value.isEmpty {
            guard value.utf8.count >= 32 else {
                throw ConfigurationError(variable: "AUTOPILOT_TRACKING_SECRET", reason: "it must be at least 32 characters long")
            }
            configuration.trackingSecret = value
        }
        if let value = environment["AUTOPILOT_METRICS"] {
            switch value.lowercased() {
            case "1", "true", "on", "yes": configuration.metricsEnabled = true
            case "0", "false", "off", "no": configuration.metricsEnabled = false
            default: throw ConfigurationError(variable: "AUTOPILOT_METRICS", reason: "\"\(value)\" is not on or off")
            }
        }
        configuration.crm = try CRMSettings.fromEnvironment(environment)
        configuration.messagePrices = try MessagePrices.fromEnvironment(environment)
        configuration.supplierRouting = OrderRoutingTable.fromEnvironment(environment)
        configuration.stripe = try StripeSettings.fromEnvironment(environment)
        do { configuration.voice = try VoiceSettings.fromEnvironment(environment) } catch {
            throw ConfigurationError(variable: error.variable, reason: error.reason)
        }
        return configuration
    }
}
