import AutopilotCore
import Channels
import Foundation
import Storage

/// Chooses a tenant's sender per channel (`autopilot channels set|reset|list`). Reads meant for display never carry the
/// secrets.
public struct ChannelSettingsService: Sendable {
    let store: any ChannelSettingsStore
    let clock: any Clock

    public init(store: any ChannelSettingsStore, clock: any Clock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// Sends the tenant's email through this SMTP relay. Throws `SMTPConfigurationError` when the sender address or the
    /// certificates cannot be used (checked by making the sender, without connecting).
    public func useSMTP(_ settings: SMTPSettings, tenantID: String) async throws {
        _ = try SMTPSender(settings: settings)
        let document = settings.document
        try await store.saveChannelSettings(
            ChannelSettingsRecord(
                tenantID: tenantID, channel: .email, provider: ChannelProvider.smtp.rawValue, settings: document.settings, secrets: document.secrets,
                updatedAt: clock.now()))
    }

    /// Sends the tenant's channel through an HTTP API provider (Twilio, Omnisend, WhatsApp Cloud), configured by the same
    /// variables as the environment (`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`…). The secrets are stored apart and never
    /// shown. Throws naming the variable that cannot be used, or the channel the provider does not send.
    public func use(_ provider: ChannelProvider, channel: Channel, variables: [String: String], tenantID: String) async throws {
        guard provider != .log, provider != .smtp else {
            throw ValidationError(code: "invalid_provider", field: "provider", message: "use useLog or useSMTP for \(provider.rawValue)")
        }
        guard provider.channels.contains(channel) else {
            let channels = provider.channels.map(\.rawValue).sorted().joined(separator: " and ")
            throw ValidationError(
                code: "invalid_provider", field: "provider", message: "\(provider.rawValue) sends \(channels), not \(channel.rawValue)")
        }
        let (settingNames, secretNames) = provider.variables
        if let unknown = variables.keys.sorted().first(where: { !settingNames.contains($0) && !secretNames.contains($0) }) {
            throw ValidationError(
                code: "invalid_setting", field: unknown,
                message: "is not a \(provider.rawValue) setting (known: \((settingNames + secretNames).joined(separator: ", ")))")
        }
        do {
            _ = try SenderDirectory.apiSender(provider, variables: variables)
        } catch let error as ConfigurationError {
            throw ValidationError(code: "invalid_setting", field: error.variable, message: error.reason)
        }
        var settings: JSONObject = [:]
        var secrets: JSONObject = [:]
        for (name, value) in variables where !value.isEmpty {
            if secretNames.contains(name) { secrets[name] = .string(value) } else { settings[name] = .string(value) }
        }
        try await store.saveChannelSettings(
            ChannelSettingsRecord(
                tenantID: tenantID, channel: channel, provider: provider.rawValue, settings: settings, secrets: secrets.isEmpty ? nil : secrets,
                updatedAt: clock.now()))
    }

    /// Writes the tenant's messages on this channel to the log, whatever the process default.
    public func useLog(channel: Channel, tenantID: String) async throws {
        try await store.saveChannelSettings(
            ChannelSettingsRecord(
                tenantID: tenantID, channel: channel, provider: ChannelProvider.log.rawValue, settings: [:], secrets: nil, updatedAt: clock.now()))
    }

    /// Forgets the tenant's choice: the channel goes back to the process default. False when there was none.
    public func reset(channel: Channel, tenantID: String) async throws -> Bool {
        try await store.removeChannelSettings(tenantID: tenantID, channel: channel)
    }

    /// Every channel with the sender the tenant uses, its settings without secrets.
    public func list(tenantID: String, defaults: SenderDirectory) async throws -> [ChannelChoice] {
        let stored = try await store.channelSettings(tenantID: tenantID)
        return Channel.allCases.map { channel in
            if let record = stored.first(where: { $0.channel == channel }) {
                return ChannelChoice(
                    channel: channel, provider: record.provider, source: "tenant", settings: record.settings, hasSecrets: record.hasSecrets)
            }
            return ChannelChoice(
                channel: channel, provider: defaults.sender(for: channel, tenantID: tenantID).name, source: "default", settings: [:],
                hasSecrets: false)
        }
    }
}

/// The sender a tenant uses on one channel, as shown: never with its secrets.
public struct ChannelChoice: Sendable, Equatable {
    public var channel: Channel
    /// `log`, `smtp`…
    public var provider: String
    /// `tenant` (its own settings) or `default` (the process default, from the environment).
    public var source: String
    /// The settings that may be shown (host, port, security, username, sender address).
    public var settings: JSONObject
    /// Whether secrets (a password) are stored; they are never read for display.
    public var hasSecrets: Bool

    /// One object per channel for `--json`: the settings plus `"password": "set"` when one is stored.
    public var json: JSONValue {
        var settings = self.settings
        if hasSecrets { settings["password"] = .string("set") }
        return ["channel": .string(channel.rawValue), "provider": .string(provider), "source": .string(source), "settings": .object(settings)]
    }
}
