import AutopilotCore
import Foundation

/// The sender a tenant chose for one channel: a provider (`log`, `smtp`, later `twilio`, `omnisend`) and its settings.
///
/// `settings` is a JSON object safe to show; `secrets` (a JSON object: the SMTP password, an API token) is only read for
/// sending and is nil in reads meant for display, where `hasSecrets` says whether any are stored.
public struct ChannelSettingsRecord: Sendable, Equatable {
    public var tenantID: String
    public var channel: Channel
    public var provider: String
    public var settings: JSONObject
    public var secrets: JSONObject?
    public var hasSecrets: Bool
    public var updatedAt: Date

    public init(
        tenantID: String, channel: Channel, provider: String, settings: JSONObject, secrets: JSONObject?, hasSecrets: Bool? = nil, updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.channel = channel
        self.provider = provider
        self.settings = settings
        self.secrets = secrets
        self.hasSecrets = hasSecrets ?? !(secrets ?? [:]).isEmpty
        self.updatedAt = updatedAt
    }
}
