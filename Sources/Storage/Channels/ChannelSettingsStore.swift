import AutopilotCore
import Foundation

/// Per tenant and channel, which sender to use and how; and what tracking needs (the instance secret, the message a
/// tracking link names). Each operation is one transaction.
public protocol ChannelSettingsStore: Sendable {
    /// Creates or replaces the tenant's settings for `record.channel`. A nil `record.secrets` keeps no secret.
    func saveChannelSettings(_ record: ChannelSettingsRecord) async throws
    /// Forgets the tenant's settings for a channel (it falls back to the process default); false when there were none.
    func removeChannelSettings(tenantID: String, channel: Channel) async throws -> Bool
    /// For display: the tenant's settings by channel, secrets left out (`secrets` nil, `hasSecrets` told).
    func channelSettings(tenantID: String) async throws -> [ChannelSettingsRecord]
    /// For sending: the settings of these tenants, secrets included.
    func channelSettingsForSending(tenantIDs: Set<String>) async throws -> [ChannelSettingsRecord]
    /// The instance secret `name`, stored as `candidate` when none exists yet. Every process on the same database gets
    /// the same value: the first to ask creates it, later candidates are discarded.
    func instanceSecret(name: String, candidate: String, at: Date) async throws -> String
    /// One outbox message of the tenant (what a tracking link names), or nil.
    func outboxMessage(id: String, tenantID: String) async throws -> OutboxRecord?
}
