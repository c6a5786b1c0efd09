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

    public init(default fallback: any MessageSender = LogSender(), byChannel: [Channel: any MessageSender] = [:], pool: SMTPSenderPool = SMTPSenderPool()) {
        self.fallback = fallback
        self.byChannel = byChannel
        self.pool = pool
    }

    /// The process default for a channel, for tenants without settings of their own.
    public func sender(for channel: Channel, tenantID: String) -> any MessageSender {
        byChannel[channel] ?? fallback
    }

    /// The senders of these tenants, their settings read once (one dispatch batch).
    public func resolve(tenantIDs: Set<String>, store: any ChannelSettingsStore) async throws -> TenantSenders {
        let records = try await store.channelSettingsForSending(tenantIDs: tenantIDs)
        var chosen: [String: [Channel: any MessageSender]] = [:]
        for record in records {
            chosen[record.tenantID, default: [:]][record.channel] = await sender(for: record)
        }
        return TenantSenders(directory: self, chosen: chosen)
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
        case .twilio, .omnisend:
            return UnavailableSender(name: provider.rawValue, reason: "the \(provider.rawValue) sender is not available in this version")
        }
    }
}

/// The senders chosen for the tenants of one dispatch batch.
public struct TenantSenders: Sendable {
    let directory: SenderDirectory
    let chosen: [String: [Channel: any MessageSender]]

    /// The tenant's sender for the channel: its own settings, else the process default.
    public func sender(for channel: Channel, tenantID: String) -> any MessageSender {
        chosen[tenantID]?[channel] ?? directory.sender(for: channel, tenantID: tenantID)
    }
}
