import AutopilotCore
import Foundation

/// Tenants and their API keys.
public protocol TenantStore: Sendable {
    func createTenant(_ tenant: TenantRecord, apiKeyHash: String, keyPrefix: String) async throws
    /// The tenant an API key (by its hash) belongs to, when the key exists and is not revoked.
    func tenantID(apiKeyHash: String) async throws -> String?
    func tenants() async throws -> [TenantRecord]
    func summary(tenantID: String) async throws -> TenantSummary
    /// The tenant's IANA time zone identifier (`UTC` until it chooses one), or nil when there is no such tenant.
    func tenantTimeZone(tenantID: String) async throws -> String?
    /// Stores the tenant's time zone identifier (checked by the caller); false when there is no such tenant.
    func setTenantTimeZone(tenantID: String, identifier: String) async throws -> Bool
}
