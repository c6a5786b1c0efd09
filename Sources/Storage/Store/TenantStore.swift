import AutopilotCore
import Foundation

/// Tenants and their API keys.
public protocol TenantStore: Sendable {
    func createTenant(_ tenant: TenantRecord, apiKeyHash: String, keyPrefix: String) async throws
    /// The tenant an API key (by its hash) belongs to, when the key exists and is not revoked.
    func tenantID(apiKeyHash: String) async throws -> String?
    func tenants() async throws -> [TenantRecord]
    func summary(tenantID: String) async throws -> TenantSummary
}
