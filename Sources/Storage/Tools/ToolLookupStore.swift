import AutopilotCore
import Foundation

/// Lookups the tools make that no page needed before: a contact by phone number, the product catalog, and what an API
/// key may do.
public protocol ToolLookupStore: Sendable {
    /// The id of the tenant's contact with this normalized phone number (`+33612345678`), if there is one.
    func contactID(phone: String, tenantID: String) async throws -> String?
    /// Products whose title or SKU contains `text` (any case), in stock first when `inStockOnly` is false, by title.
    func products(matching text: String, inStockOnly: Bool, limit: Int, tenantID: String) async throws -> [ProductRecord]
    /// One product by its SKU (exact).
    func product(sku: String, tenantID: String) async throws -> ProductRecord?
    /// The tenant and rights of a live (not revoked) key, by its hash.
    func apiKeyAccess(apiKeyHash: String) async throws -> APIKeyAccess?
    /// Adds a key to a tenant, read-only or not.
    func addAPIKey(hash: String, prefix: String, tenantID: String, readOnly: Bool, at: Date) async throws
    /// The messages the outbox sent to a contact since a moment (for a frequency cap checked before queuing).
    func recentSends(contactID: String, since: Date, tenantID: String) async throws -> [SentMessageFact]
}

/// One message that went out to a contact: its channel, purpose and time.
public struct SentMessageFact: Sendable, Hashable {
    public var channel: Channel
    public var purpose: MessagePurpose
    public var sentAt: Date

    public init(channel: Channel, purpose: MessagePurpose, sentAt: Date) {
        self.channel = channel
        self.purpose = purpose
        self.sentAt = sentAt
    }
}

/// What a presented API key opens: its tenant, and whether it may only read.
public struct APIKeyAccess: Sendable, Hashable {
    public var tenantID: String
    public var readOnly: Bool
    /// The key's first characters (`ap_abcd`), to name it in logs and records.
    public var prefix: String

    public init(tenantID: String, readOnly: Bool, prefix: String) {
        self.tenantID = tenantID
        self.readOnly = readOnly
        self.prefix = prefix
    }
}
