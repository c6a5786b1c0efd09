import AutopilotCore
import Foundation
import Storage

/// A new tenant and the API key that opens it (the only time the key is seen).
public struct CreatedTenant: Sendable, Codable, Equatable {
    public var tenantID: String
    public var name: String
    public var apiKey: String

    enum CodingKeys: String, CodingKey {
        case name
        case tenantID = "tenant_id"
        case apiKey = "api_key"
    }
}

public struct TenantService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    public func create(name: String) async throws -> CreatedTenant {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 200 else {
            throw ValidationError(code: "invalid_tenant", field: "name", message: "must be 1 to 200 characters")
        }
        let key = APIKey.generate()
        let tenant = TenantRecord(id: dependencies.ids.make("tn"), name: trimmed, createdAt: dependencies.clock.now())
        try await dependencies.store.createTenant(tenant, apiKeyHash: APIKey.hash(key), keyPrefix: APIKey.prefix(key))
        return CreatedTenant(tenantID: tenant.id, name: trimmed, apiKey: key)
    }

    /// The tenant a presented key opens, or nil.
    public func authenticate(apiKey: String) async throws -> String? {
        guard apiKey.hasPrefix("ap_"), apiKey.count < 200 else { return nil }
        return try await dependencies.store.tenantID(apiKeyHash: APIKey.hash(apiKey))
    }
}
