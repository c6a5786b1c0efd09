import AutopilotCore
import Channels
import Foundation
import Storage

/// The sender for each tenant and channel: the tenant's own settings (`autopilot channels set`) when it has some, else
/// the process default for the channel (SMTP from the environment), else `log`.
public struct SenderDirectory: Sendable {
    private var byChannel: [Channel: any MessageSender]
    private let fallback: any MessageSender
    /// SMTP senders made from tenants' settings, kept across batches so connections are reused.
    public let pool: SMTPSenderPool

    public init(
        default fallback: any MessageSender = LogSender(), byChannel: [Channel: any MessageSender] = [:], pool: SMTPSenderPool = SMTPSenderPool()
    ) {
        self.fallback = fallback
        self.byChannel = byChannel
        self.pool = pool
    }

    /// The process default for a channel, for tenants without settings of their own.
    public func sender(for channel: Channel, tenantID: String) -> any MessageSender {
        byChannel[channel] ?? fallback
    }

    /// The senders of these tenants, their settings read once (one dispatch batch).
    public func resolve(tenantIDs: Set<String>, store: any ChannelSettingsStore) async throws -> ResolvedSenders {
        let records = try await store.channelSettingsForSending(tenantIDs: tenantIDs)
        var chosen: [String: [Channel: any MessageSender]] = [:]
        for record in records {
            chosen[record.tenantID, default: [:]][record.channel] = await sender(for: record)
        }
        return ResolvedSenders(directory: self, chosen: chosen)
    }

    /// The sender a stored setting names; a setting that cannot be used gives a sender that fails every attempt saying why.
    func sender(for record: ChannelSettingsRecord) async -> any MessageSender {
        guard let provider = ChannelProvider(rawValue: record.provider) else {
            return UnavailableSender(name: record.provider, reason: "'\(record.provider)' is not a known provider")
        }
        switch provider {
        case .log:
            return byChannel[record.channel].flatMap { $0.name == "log" ? $0 : nil } ?? (fallback.name == "log" ? fallback : LogSender())
        case .smtp:
            guard record.channel == .email else { return UnavailableSender(name: "smtp", reason: "SMTP sends email, not \(record.channel.rawValue)") }
            do {
                let settings = try SMTPSettings(document: record.settings, secrets: record.secrets)
                return try await pool.sender(for: settings, user: record.tenantID + "/" + record.channel.rawValue)
            } catch {
                return UnavailableSender(name: "smtp", reason: "the tenant's SMTP settings cannot be used: \(error)")
            }
        case .twilio, .omnisend, .whatsappCloud:
            guard provider.channels.contains(record.channel) else {
                return UnavailableSender(name: provider.rawValue, reason: "\(provider.rawValue) does not send \(record.channel.rawValue)")
            }
            do {
                return try Self.apiSender(provider, variables: ProviderVariables.merged(record.settings, record.secrets))
            } catch {
                return UnavailableSender(name: provider.rawValue, reason: "the tenant's \(provider.rawValue) settings cannot be used: \(error)")
            }
        }
    }
}

extension SenderDirectory {
    /// A sender for an HTTP API provider from its variables (named as in the environment); throws naming the variable
    /// that cannot be used.
    public static func apiSender(_ provider: ChannelProvider, variables: [String: String]) throws -> any MessageSender {
        switch provider {
        case .twilio:
            guard let settings = try TwilioSettings.fromEnvironment(variables) else {
                throw ConfigurationError(variable: "TWILIO_ACCOUNT_SID", reason: "is required")
            }
            return TwilioSender(settings: settings)
        case .omnisend:
            guard let settings = try OmnisendSettings.fromEnvironment(variables) else {
                throw ConfigurationError(variable: "OMNISEND_API_KEY", reason: "is required")
            }
            return OmnisendSender(settings: settings)
        case .whatsappCloud:
            guard let settings = try WhatsAppCloudSettings.fromEnvironment(variables) else {
                throw ConfigurationError(variable: "WHATSAPP_CLOUD_TOKEN", reason: "is required")
            }
            return WhatsAppCloudSender(settings: settings)
        case .log, .smtp:
            throw ConfigurationError(variable: "provider", reason: "\(provider.rawValue) is not an HTTP API provider")
        }
    }
}

/// Stored provider settings and secrets as the environment-style variables the settings types read.
enum ProviderVariables {
    static func merged(_ settings: JSONObject, _ secrets: JSONObject?) -> [String: String] {
        var variables: [String: String] = [:]
        for (name, value) in settings { variables[name] = value.stringValue ?? value.jsonString }
        for (name, value) in secrets ?? [:] { variables[name] = value.stringValue ?? value.jsonString }
        return variables
    }
}
