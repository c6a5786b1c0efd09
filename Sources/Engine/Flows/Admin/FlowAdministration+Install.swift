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

extension FlowAdministration {
    /// `PUT /v1/flows/{id}`: a new version of the flow when the tenant has one of that id (as `edit`), else the document
    /// installed as the tenant's new flow, version 1, on (as `install`). The document's `id` must be `id`.
    public func put(id: String, document: String) async throws -> Installed {
        if try await load().exists(id) { return Installed(created: false, flow: try await edit(id: id, document: document)) }
        let definition: FlowDefinition
        do {
            definition = try FlowDefinition.parse(document)
        } catch {
            throw FlowAdministrationError.invalid(error)
        }
        guard definition.id == id else {
            throw FlowAdministrationError.invalid(
                code: "flow_id_mismatch", path: "id", reason: "\"\(definition.id)\" differs from the flow of the path, \"\(id)\"")
        }
        return try await install(document: document)
    }
}
