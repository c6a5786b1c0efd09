import AutopilotCore
import Flows
import Foundation
import Storage

extension FlowRunControl {
    /// Open approvals (runs held at an `approve` step) or open tasks, newest first, with their contact's email.
    public func openActions(kind: FlowActionKind, limit: Int = 500) async throws -> [FlowActionView] {
        let actions = try await dependencies.store.flowActions(
            tenantID: tenantID, kind: kind.rawValue, status: FlowActionStatus.open.rawValue, limit: limit)
        let contacts = try await dependencies.store.contacts(ids: Set(actions.map(\.contactID)), tenantID: tenantID)
        return actions.map { FlowActionView($0, email: contacts[$0.contactID]?.email) }
    }

    /// Approves or rejects a pending `approve` step: the run goes on (approved) or exits with reason `rejected`, and the
    /// approval is closed with who decided, all in one transaction. Deciding twice is a conflict, not a second decision.
    public func decide(approvalID: String, approved: Bool, by person: String) async throws -> FlowActionView {
        let now = dependencies.clock.now()
        let action = try await openAction(id: approvalID, kind: .approval)
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: dependencies.store)
        let tenant = tenantID
        let closed = try await dependencies.store.changeRuns(tenantID: tenantID, contactIDs: [action.contactID]) { _, runs in
            guard let record = runs.first(where: { $0.id == action.runID }), let run = FlowRunChanges.run(record),
                run.status == .waiting, run.waitingFor == .approval
            else { throw ConflictError(code: "already_decided", message: "approval \(approvalID) is no longer waiting for a decision") }
            guard let definition = catalog.definition(id: run.flowID, version: run.flowVersion) else {
                throw ConflictError(code: "definition_missing", message: "flow \(run.flowID) v\(run.flowVersion) is no longer known")
            }
            var writer = FlowRunChanges(tenantID: tenant, now: now)
            let (next, effects) = FlowInterpreter.step(
                definition: definition, run: run, input: .approval(FlowApproval(approved: approved, by: person)), now: now)
            writer.record(next, effects: effects, startedAt: record.startedAt)
            let closed = Self.close(action, decision: approved ? "approved" : "rejected", by: person, now: now)
            writer.changes.closedActions.append(closed)
            return (writer.changes, closed)
        }
        let contacts = try await dependencies.store.contacts(ids: [closed.contactID], tenantID: tenantID)
        return FlowActionView(closed, email: contacts[closed.contactID]?.email)
    }

    /// Marks an open task done (idempotent for an already done task).
    public func complete(taskID: String, by person: String, note: String?) async throws -> FlowActionView {
        guard let action = try await dependencies.store.flowAction(id: taskID, tenantID: tenantID), action.kind == .task else {
            throw NotFoundError(what: "task \(taskID)")
        }
        var closed = action
        if action.status == .open {
            closed = Self.close(action, decision: FlowActionStatus.done.rawValue, by: person, now: dependencies.clock.now(), note: note)
            try await dependencies.store.saveActions([closed])
        }
        let contacts = try await dependencies.store.contacts(ids: [closed.contactID], tenantID: tenantID)
        return FlowActionView(closed, email: contacts[closed.contactID]?.email)
    }

    /// Resumes a flow that paused itself (or was paused): new runs may start again and its held messages are checked
    /// again by the dispatcher. Resuming a running flow changes nothing.
    public func resume(flowID: String) async throws -> FlowResumeView {
        let catalog = try await FlowCatalog.load(tenantID: tenantID, store: dependencies.store)
        guard let entry = catalog.entries[flowID] else { throw NotFoundError(what: "flow \(flowID)") }
        guard entry.pausedReason != nil else { return FlowResumeView(flow: flowID, wasPaused: false, released: 0) }
        let released = try await dependencies.store.resumeFlow(tenantID: tenantID, flowID: flowID, at: dependencies.clock.now())
        return FlowResumeView(flow: flowID, wasPaused: true, released: released)
    }

    private func openAction(id: String, kind: FlowActionKind) async throws -> FlowActionRecord {
        guard let action = try await dependencies.store.flowAction(id: id, tenantID: tenantID), action.kind == kind else {
            throw NotFoundError(what: "\(kind.rawValue) \(id)")
        }
        guard action.status == .open else {
            throw ConflictError(code: "already_decided", message: "\(kind.rawValue) \(id) is already \(action.status.rawValue)")
        }
        return action
    }

    static func close(_ action: FlowActionRecord, decision: String, by person: String, now: Date, note: String? = nil) -> FlowActionRecord {
        var closed = action
        var payload = (try? JSONParser.parse(action.payload))?.objectValue ?? [:]
        payload["decision"] = .string(decision)
        payload["decided_by"] = .string(person)
        payload["decided_at"] = .string(Timestamp.format(now))
        payload["note"] = note.map(JSONValue.string)
        closed.payload = JSONValue.object(payload).jsonString
        closed.status = .done
        closed.updatedAt = now
        return closed
    }
}

/// The answer to a resume.
public struct FlowResumeView: Sendable, Encodable, Equatable {
    public var flow: String
    public var wasPaused: Bool
    /// Held messages released for another check.
    public var released: Int

    enum CodingKeys: String, CodingKey {
        case flow, wasPaused = "was_paused", released
    }
}

/// An approval or a task as the API and the CLI show it.
public struct FlowActionView: Sendable, Encodable, Equatable {
    public var id: String
    public var kind: String
    public var status: String
    public var flow: String
    public var runID: String
    public var contactID: String
    public var contact: String
    /// The task's title or the approval's prompt.
    public var title: String?
    public var assignee: String?
    public var dueAt: String?
    public var decision: String?
    public var decidedBy: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, kind, status, flow, runID = "run_id", contactID = "contact_id", contact, title, assignee, dueAt = "due_at", decision
        case decidedBy = "decided_by", createdAt = "created_at"
    }

    init(_ action: FlowActionRecord, email: String?) {
        let payload = (try? JSONParser.parse(action.payload))?.objectValue ?? [:]
        id = action.id
        kind = action.kind.rawValue
        status = action.status.rawValue
        flow = action.flowID
        runID = action.runID
        contactID = action.contactID
        contact = email ?? action.contactID
        title = payload["title"]?.stringValue ?? payload["prompt"]?.stringValue
        assignee = payload["assignee"]?.stringValue
        dueAt = payload["due_at"]?.stringValue
        decision = payload["decision"]?.stringValue
        decidedBy = payload["decided_by"]?.stringValue
        createdAt = Timestamp.format(action.createdAt)
    }
}
