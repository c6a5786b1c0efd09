import AutopilotCore
import Foundation

/// A tenant's ways in, as the settings page manages them: API keys (only their hash and prefix are kept) and the
/// webhook endpoints given to vendors.
public protocol AccessStore: Sendable {
    func apiKeys(tenantID: String) async throws -> [APIKeyRecord]
    func addAPIKey(hash: String, prefix: String, tenantID: String, at: Date) async throws
    /// Revokes the tenant's key whose hash starts with `hashPrefix`; false when the tenant has no such live key.
    func revokeAPIKey(hashPrefix: String, tenantID: String, at: Date) async throws -> Bool
    func webhookEndpoints(tenantID: String) async throws -> [WebhookEndpoint]
}

/// An API key as it may be shown again: its first characters, when it was made and whether it was revoked.
public struct APIKeyRecord: Sendable, Equatable {
    /// The first 16 hex digits of the key's SHA-256: names the key in forms without being the key.
    public var id: String
    public var prefix: String
    public var createdAt: Date
    public var revokedAt: Date?
    /// A read-only key lists and reads; it changes nothing.
    public var readOnly: Bool

    public init(id: String, prefix: String, createdAt: Date, revokedAt: Date?, readOnly: Bool = false) {
        self.id = id
        self.prefix = prefix
        self.createdAt = createdAt
        self.revokedAt = revokedAt
        self.readOnly = readOnly
    }
}
