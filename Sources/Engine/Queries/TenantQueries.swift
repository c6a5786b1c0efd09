import AutopilotCore
import Storage

/// Read operations the API and the CLI offer, scoped to one tenant.
public struct TenantQueries: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    public func contact(id: String) async throws -> ContactDetail? {
        try await dependencies.store.contactDetail(id: id, tenantID: tenantID)
    }

    /// The id of the contact with this email (any case), if there is one.
    public func contactID(email: String) async throws -> String? {
        guard let normalized = ContactFields.normalizeEmail(email) else { return nil }
        return try await dependencies.store.contactID(email: normalized, tenantID: tenantID)
    }

    public func order(id: String) async throws -> OrderView? {
        try await dependencies.store.order(externalOrID: id, tenantID: tenantID)
    }

    public func events(_ query: EventQuery) async throws -> EventPage {
        try await dependencies.store.events(query, tenantID: tenantID)
    }

    public func summary() async throws -> TenantSummary {
        try await dependencies.store.summary(tenantID: tenantID)
    }
}
