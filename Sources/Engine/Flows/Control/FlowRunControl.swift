import AutopilotCore
import Flows
import Foundation
import Storage

/// What a person or the API does to runs: start a manual flow for a contact, decide an `approve` step, close a task.
/// Each operation reads and writes in one transaction, like every engine step.
public struct FlowRunControl: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// Starts a run of a live flow whose trigger is `manual` for a contact (by id or email). `key` makes the call
    /// idempotent: the same key starts the same run once. Re-entry rules apply as for any trigger.
    public func start(flowID: String, contact reference: String, trigger: JSONObject = [:], key: String?) async throws -> StartedRun {
        let now = dependencies.clock.now()
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: dependencies.store)
        guard let entry = catalog.entries[flowID] else { throw NotFoundError(what: "flow \(flowID)") }
        guard case .manual = entry.current.trigger else {
            throw ConflictError(
                code: "flow_not_manual",
                message: "flow \(flowID) starts on its trigger, not by hand; only flows with `trigger: manual` can be started")
        }
        guard entry.isLive else {
            throw ConflictError(code: "flow_not_live", message: "flow \(flowID) is \(entry.pausedReason.map { "paused (\($0))" } ?? "disabled")")
        }
        let contactID = try await resolve(reference)
        let runKey = key.map { "manual:" + $0 } ?? "manual:" + Timestamp.format(now)
        return try await start(flowID: flowID, in: catalog, contactID: contactID, runKey: runKey, trigger: trigger, now: now)
    }

    /// Starts a run of a flow for a contact, once per `runKey`, respecting the flow's re-entry rule (a refusal is a
    /// `ConflictError`). The caller has checked that the flow is live and may be started this way.
    func start(flowID: String, in catalog: FlowCatalog, contactID: String, runKey: String, trigger: JSONObject, now: Date) async throws -> StartedRun
    {
        guard let definition = catalog.entries[flowID]?.current else { throw NotFoundError(what: "flow \(flowID)") }
        let settings = catalog.settings(of: flowID)
        let tenantTimeZone = catalog.timeZone
        let experiment = catalog.experimentInput(for: flowID)
        let tenant = tenantID
        return try await dependencies.store.changeRuns(tenantID: tenantID, contactIDs: [contactID]) { contacts, runs in
            guard let contact = contacts[contactID] else { throw NotFoundError(what: "contact \(contactID)") }
            let id = FlowRunID.make(flowID: flowID, contactID: contactID, triggerKey: runKey)
            if let existing = runs.first(where: { $0.id == id }) {
                return (FlowChanges(), StartedRun(runID: id, flowID: flowID, contactID: contactID, status: existing.status.rawValue, created: false))
            }
            let start = FlowStart(
                occurredAt: now, trigger: trigger, contact: FlowEntities.contact(contact), settings: settings, tenantTimeZone: tenantTimeZone,
                experiment: experiment)
            let previous = runs.filter { $0.flowID == flowID }.map { (objectID: $0.triggerObjectID, startedAt: $0.startedAt) }
            guard definition.reentry.allows(objectID: definition.triggerObjectID(for: start), previousRuns: previous, now: now) else {
                throw ConflictError(
                    code: "reentry_not_allowed",
                    message: "flow \(flowID)'s re-entry rule (\(definition.reentry.summary)) does not allow another run for this contact now")
            }
            var writer = FlowRunChanges(tenantID: tenant, now: now)
            let pending = FlowRun(id: id, flowID: flowID, flowVersion: definition.version, contactID: contactID)
            let (run, effects) = FlowInterpreter.step(definition: definition, run: pending, input: .start(start), now: now)
            writer.record(run, effects: effects, startedAt: now)
            return (writer.changes, StartedRun(runID: id, flowID: flowID, contactID: contactID, status: run.status.rawValue, created: true))
        }
    }

    /// A contact id from an id or an email.
    func resolve(_ reference: String) async throws -> String {
        if reference.contains("@"), let id = try await dependencies.store.contactID(email: reference.lowercased(), tenantID: tenantID) { return id }
        if try await dependencies.store.contacts(ids: [reference], tenantID: tenantID)[reference] != nil { return reference }
        throw NotFoundError(what: "contact \(reference)")
    }
}

/// The answer to a manual start.
public struct StartedRun: Sendable, Encodable, Equatable {
    public var runID: String
    public var flowID: String
    public var contactID: String
    public var status: String
    /// False when the same key had already started this run.
    public var created: Bool

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", flowID = "flow", contactID = "contact_id", status, created
    }
}

/// A request that conflicts with the current state (HTTP 409).
public struct ConflictError: AutopilotError, CustomStringConvertible {
    public let code: String
    public let message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var category: ErrorCategory { .conflict }
    public var description: String { message }
}
