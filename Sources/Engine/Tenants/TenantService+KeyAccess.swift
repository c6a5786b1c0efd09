import AutopilotCore
import Foundation
import Storage

extension TenantService {
    /// The tenant a presented key opens and whether it may only read; nil for an unknown or revoked key.
    public func access(apiKey: String) async throws -> APIKeyAccess? {
        guard apiKey.hasPrefix("ap_"), apiKey.count < 200 else { return nil }
        return try await dependencies.store.apiKeyAccess(apiKeyHash: APIKey.hash(apiKey))
    }

    /// A new API key for the tenant, read-only when asked (it then lists and reads, and changes nothing); the only time
    /// it is seen in full.
    public func createAPIKey(tenantID: String, readOnly: Bool) async throws -> String {
        guard try await dependencies.store.tenantTimeZone(tenantID: tenantID) != nil else {
            throw ValidationError(code: "unknown_tenant", field: "tenant_id", message: "no tenant \"\(tenantID)\"")
        }
        let key = APIKey.generate()
        try await dependencies.store.addAPIKey(
            hash: APIKey.hash(key), prefix: APIKey.prefix(key), tenantID: tenantID, readOnly: readOnly, at: dependencies.clock.now())
        return key
    }
}
