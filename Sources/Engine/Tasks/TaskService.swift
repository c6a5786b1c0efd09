import AutopilotCore
import Foundation
import Logging
import Storage

/// Tasks for the team: support tickets, hand-offs and callbacks, created by the assistant, the visitors' agent, MCP
/// clients or the API. A support ticket or a hand-off also notifies the team — a `notify` action written with the task,
/// which the worker posts to Slack when `SLACK_WEBHOOK_URL` is set (else to the log), retried like every team notice.
public struct TaskService: Sendable {
    public let dependencies: Dependencies

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// Creates a task (once per idempotency key). Refused naming the field: an empty or long subject, an unknown contact,
    /// a ticket nobody can be answered on, a callback without a due time.
    public func create(_ request: NewTask, tenantID: String) async throws -> CreatedTask {
        let subject = request.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        let details = request.details.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !subject.isEmpty else { throw invalid("subject", "must not be empty") }
        guard subject.count <= NewTask.maximumSubjectLength else { throw invalid("subject", "is longer than \(NewTask.maximumSubjectLength) characters") }
        guard details.count <= NewTask.maximumDetailsLength else { throw invalid("details", "is longer than \(NewTask.maximumDetailsLength) characters") }
        let createdBy = request.createdBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(createdBy.count) else { throw invalid("created_by", "must be 1 to 100 characters") }
        if let key = request.idempotencyKey, !(1...200).contains(key.count) { throw invalid("idempotency_key", "must be 1 to 200 characters") }
        if let conversation = request.conversationID, !(1...200).contains(conversation.count) {
            throw invalid("conversation_id", "must be 1 to 200 characters")
        }
        let contact = try await request.contact.resolved(store: dependencies.store, tenantID: tenantID).contact
        switch request.kind {
        case .supportTicket where contact.contactID == nil && contact.email == nil && contact.phone == nil:
            throw invalid("contact", "a support ticket needs someone to answer: a contact_id, an email or a phone")
        case .handOff where contact.isEmpty && request.conversationID == nil:
            throw invalid("contact", "a hand-off needs a contact or a conversation_id to take over")
        case .callback where request.dueAt == nil:
            throw invalid("due_at", "a callback needs its slot; book it with the callback scheduler")
        case .callback where contact.phone == nil:
            throw invalid("contact.phone", "a callback needs a phone number to call")
        default:
            break
        }
        let now = dependencies.clock.now()
        let key = request.idempotencyKey ?? dependencies.ids.make("tkey")
        let task = TaskRecord(
            id: dependencies.ids.make("task"), tenantID: tenantID, idempotencyKey: key, kind: request.kind, contactID: contact.contactID,
            contactName: contact.name, contactEmail: contact.email, contactPhone: contact.phone, subject: subject, details: details,
            dueAt: request.dueAt, conversationID: request.conversationID, createdBy: createdBy, createdAt: now, updatedAt: now)
        let notice = TaskNotice.action(for: task)
        let creation = try await dependencies.store.createTask(task, notice: notice)
        if case .created = creation {
            dependencies.logger.info(
                "task created", metadata: ["tenant": "\(tenantID)", "task": "\(task.id)", "kind": "\(task.kind.rawValue)", "by": "\(createdBy)"])
        }
        let created = if case .created = creation { true } else { false }
        return CreatedTask(task: TaskView(creation.task), created: created, teamNotice: notice != nil)
    }

    /// A support ticket about a customer's problem.
    public func createSupportTicket(
        tenantID: String, contact: TaskContact, subject: String, details: String = "", conversationID: String? = nil, createdBy: String,
        idempotencyKey: String? = nil
    ) async throws -> CreatedTask {
        try await create(
            NewTask(
                kind: .supportTicket, contact: contact, subject: subject, details: details, conversationID: conversationID, createdBy: createdBy,
                idempotencyKey: idempotencyKey), tenantID: tenantID)
    }

    /// Hands a conversation to a person: `reason` becomes the subject, `summary` what they read first.
    public func handOff(
        tenantID: String, contact: TaskContact, reason: String, summary: String = "", conversationID: String? = nil, createdBy: String,
        idempotencyKey: String? = nil
    ) async throws -> CreatedTask {
        try await create(
            NewTask(
                kind: .handOff, contact: contact, subject: reason, details: summary, conversationID: conversationID, createdBy: createdBy,
                idempotencyKey: idempotencyKey), tenantID: tenantID)
    }

    /// The tenant's tasks: open ones first by due time, then the newest.
    public func list(
        tenantID: String, status: TaskStatus? = nil, kind: TaskKind? = nil, contactID: String? = nil, limit: Int = 50, offset: Int = 0
    ) async throws -> [TaskView] {
        let filter = TaskFilter(status: status, kind: kind, contactID: contactID)
        return try await dependencies.store.tasks(tenantID: tenantID, filter: filter, limit: min(max(limit, 1), 500), offset: max(offset, 0))
            .map(TaskView.init)
    }

    public func task(id: String, tenantID: String) async throws -> TaskView? {
        try await dependencies.store.task(id: id, tenantID: tenantID).map(TaskView.init)
    }

    /// Closes a task (`done` or `cancelled`); nil when the tenant has no such task. A closed task is not reopened.
    public func setStatus(id: String, tenantID: String, status: TaskStatus) async throws -> TaskView? {
        try await dependencies.store.setTaskStatus(id: id, tenantID: tenantID, status: status, at: dependencies.clock.now()).map(TaskView.init)
    }

    private func invalid(_ field: String, _ reason: String) -> ValidationError {
        ValidationError(code: "invalid_task", field: field, message: reason)
    }
}
