import AutopilotCore
import Flows
import Storage

/// Which template a queued message is rendered with: the tenant's active version of the name, else the built-in one.
public struct TemplateResolver: Sendable {
    public let store: any TemplateStore
    let builtIn: [String: MessageTemplate]

    public init(store: any TemplateStore, builtIn: [MessageTemplate]) {
        self.store = store
        var byName: [String: MessageTemplate] = [:]
        for template in builtIn { byName[template.name] = template }
        self.builtIn = byName
    }

    /// The templates of these tenants, for one dispatched batch: one read per tenant.
    public func load(tenantIDs: Set<String>) async throws -> ResolvedTemplates {
        var tenants: [String: [String: MessageTemplate]] = [:]
        for tenantID in tenantIDs.sorted() {
            var active: [String: MessageTemplate] = [:]
            for record in try await store.activeTemplates(tenantID: tenantID) {
                if let template = MessageTemplate(record: record), template.status == .active { active[template.name] = template }
            }
            tenants[tenantID] = active
        }
        return ResolvedTemplates(tenants: tenants, builtIn: builtIn)
    }
}

/// The templates loaded for one dispatched batch.
public struct ResolvedTemplates: Sendable {
    let tenants: [String: [String: MessageTemplate]]
    let builtIn: [String: MessageTemplate]

    /// The tenant's active version of `name`, else the built-in template of that name.
    public func template(named name: String, tenantID: String) -> MessageTemplate? {
        tenants[tenantID]?[name] ?? builtIn[name]
    }
}
