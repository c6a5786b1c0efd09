import AutopilotCore
import Flows
import Foundation
import Storage

/// A tenant's flows, managed: list, show, enable, disable, edit (a new version) and copy.
///
/// - Disabling stops new runs at once; runs already under way finish on the version they started with (their timers
///   still fire and their messages still go out, subject to exit conditions and smart sending).
/// - Editing saves the document as version = the highest known version + 1 and makes it current: new runs start on it,
///   running runs keep theirs. The `version` written in the document is ignored; the enabled state does not change.
/// - Copying saves the current version of a flow under a new id as the tenant's own flow, version 1, disabled until enabled.
/// - Enabling and disabling are idempotent; enabling a flow that paused itself also resumes it (like `resume`: the messages
///   the pause held are checked again by the sending policy).
public struct FlowAdministration: Sendable {
    public let store: any FlowStore
    public let clock: any Clock
    public let tenantID: String

    public init(store: any FlowStore, clock: any Clock, tenantID: String) {
        self.store = store
        self.clock = clock
        self.tenantID = tenantID
    }

    public init(dependencies: Dependencies, tenantID: String) {
        self.init(store: dependencies.store, clock: dependencies.clock, tenantID: tenantID)
    }

    /// Every flow of the tenant (built-in and its own), by id.
    public func list() async throws -> [FlowSummary] {
        let state = try await load()
        return state.ids.compactMap(state.summary)
    }

    /// One flow with its current document and its versions.
    public func flow(id: String) async throws -> FlowDetail {
        guard let detail = try await load().detail(id) else { throw FlowAdministrationError.notFound(id) }
        return detail
    }

    /// Turns a flow on (and resumes it when it paused itself). A no-op when it is already live.
    @discardableResult
    public func enable(id: String) async throws -> FlowSummary {
        try await setEnabled(true, id: id)
    }

    /// Turns a flow off: no new runs; running runs finish on their version. A no-op when it is already off.
    @discardableResult
    public func disable(id: String) async throws -> FlowSummary {
        try await setEnabled(false, id: id)
    }

    private func setEnabled(_ enabled: Bool, id: String) async throws -> FlowSummary {
        let state = try await load()
        guard let summary = state.summary(id) else { throw FlowAdministrationError.notFound(id) }
        if enabled && summary.pausedReason != nil {
            // The same as a resume: the pause is lifted and the messages it held go through the sending policy again.
            try await store.resumeFlow(tenantID: tenantID, flowID: id, at: clock.now())
        }
        if summary.enabled != enabled {
            try await store.setFlowEnabled(tenantID: tenantID, flowID: id, version: summary.version, enabled: enabled, at: clock.now())
        }
        if enabled ? summary.live : !summary.enabled { return summary }
        guard let saved = try await load().summary(id) else { throw FlowAdministrationError.notFound(id) }
        return saved
    }

    /// Saves `document` (YAML or JSON) as the flow's next version and makes it current. The document must be a valid flow
    /// whose `id` is `id`; every problem is reported with its path.
    @discardableResult
    public func edit(id: String, document: String) async throws -> FlowDetail {
        let state = try await load()
        guard state.exists(id), let summary = state.summary(id) else { throw FlowAdministrationError.notFound(id) }
        let definition: FlowDefinition
        do {
            definition = try FlowDefinition.parse(document)
        } catch {
            throw FlowAdministrationError.invalid(error)
        }
        guard definition.id == id else {
            throw FlowAdministrationError.invalid(
                code: "flow_id_mismatch", path: "id", reason: "\"\(definition.id)\" differs from the flow being edited, \"\(id)\"")
        }
        let version = FlowVersionRecord(
            tenantID: tenantID, flowID: id, version: state.latestVersion(id) + 1, source: document, createdAt: clock.now())
        try await save(version, enabled: summary.enabled)
        return try await flow(id: id)
    }

    /// Saves the current version of flow `id` under `newID` as the tenant's own flow (version 1), disabled until enabled.
    @discardableResult
    public func copy(id: String, to newID: String) async throws -> FlowDetail {
        guard FlowSourceText.isFlowID(newID) else {
            throw FlowAdministrationError.invalid(
                code: "invalid_flow_id", path: "id",
                reason: "\"\(newID)\" is not a flow id (lower-case letters, digits and dashes, such as my-abandoned-cart)")
        }
        let state = try await load()
        guard let summary = state.summary(id), let text = state.document(id, summary.version) else { throw FlowAdministrationError.notFound(id) }
        guard !state.exists(newID), FlowLibrary.source(id: newID) == nil else {
            throw FlowAdministrationError(category: .conflict, code: "flow_exists", message: "a flow with id \(newID) already exists")
        }
        guard let renamed = FlowSourceText.renamed(text, to: newID) else {
            throw FlowAdministrationError.invalid(code: "invalid_flow", path: "id", reason: "the flow's document has no top-level id line to replace")
        }
        do {
            _ = try FlowDefinition.parse(renamed)
        } catch {
            throw FlowAdministrationError.invalid(error)
        }
        try await save(FlowVersionRecord(tenantID: tenantID, flowID: newID, version: 1, source: renamed, createdAt: clock.now()), enabled: false)
        return try await flow(id: newID)
    }

    /// Saves a version; a concurrent save of the same number (the primary key refuses it) is reported as a conflict.
    func save(_ version: FlowVersionRecord, enabled: Bool) async throws {
        do {
            try await store.saveFlowVersion(version, enabled: enabled)
        } catch {
            let latest = try await load().latestVersion(version.flowID)
            guard latest >= version.version else { throw error }
            throw FlowAdministrationError(
                category: .conflict, code: "flow_edited_concurrently",
                message: "flow \(version.flowID) version \(version.version) was saved meanwhile; retry")
        }
    }

    func load() async throws -> TenantFlowState {
        try await TenantFlowState.load(tenantID: tenantID, store: store)
    }
}
