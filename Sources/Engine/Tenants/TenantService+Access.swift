import AutopilotCore
import Foundation
import Storage

extension TenantService {
    /// The tenant's API keys, newest first (prefixes only; keys are shown once, when made).
    public func apiKeys(tenantID: String) async throws -> [APIKeyRecord] {
        try await dependencies.store.apiKeys(tenantID: tenantID)
    }

    /// A new API key for the tenant; the only time it is seen in full.
    public func createAPIKey(tenantID: String) async throws -> String {
        let key = APIKey.generate()
        try await dependencies.store.addAPIKey(hash: APIKey.hash(key), prefix: APIKey.prefix(key), tenantID: tenantID, at: dependencies.clock.now())
        return key
    }

    /// Revokes one of the tenant's keys by its id (`APIKeyRecord.id`); another tenant's or an unknown key is not found.
    public func revokeAPIKey(id: String, tenantID: String) async throws {
        guard try await dependencies.store.revokeAPIKey(hashPrefix: id, tenantID: tenantID, at: dependencies.clock.now()) else {
            throw NotFoundError(what: "API key \(id)")
        }
    }

    /// The tenant's webhook endpoints (provider, URL token, when made).
    public func webhookEndpoints(tenantID: String) async throws -> [WebhookEndpoint] {
        try await dependencies.store.webhookEndpoints(tenantID: tenantID)
    }
}
