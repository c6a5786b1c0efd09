import AutopilotCore
import Flows
import Foundation
import Storage

extension FlowAdministration {
    /// What `install` did: the flow as saved, and whether its id was new.
    public struct Installed: Sendable, Codable, Equatable {
        public var created: Bool
        public var flow: FlowDetail
    }

    /// Installs a flow document (YAML or JSON) as the tenant's own: a new version when the id exists (the enabled state is
    /// kept), else version 1, turned on. Every problem is reported with its path.
    public func install(document: String) async throws -> Installed {
        let definition: FlowDefinition
        do {
            definition = try FlowDefinition.parse(document)
        } catch {
            throw FlowAdministrationError.invalid(error)
        }
        if try await load().exists(definition.id) { return Installed(created: false, flow: try await edit(id: definition.id, document: document)) }
        try await save(FlowVersionRecord(tenantID: tenantID, flowID: definition.id, version: 1, source: document, createdAt: clock.now()), enabled: true)
        return Installed(created: true, flow: try await flow(id: definition.id))
    }
}
