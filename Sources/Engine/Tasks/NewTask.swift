import AutopilotCore
import Foundation

/// A task to create: what kind, about whom, what to do, and who asks. `idempotencyKey` makes a retried call create
/// nothing more (a tool passes its call's id; nil: every call creates a task).
public struct NewTask: Sendable, Equatable {
    public var kind: TaskKind
    public var contact: TaskContact
    public var subject: String
    public var details: String
    public var dueAt: Date?
    public var conversationID: String?
    /// `assistant`, `agent`, `mcp`, `api`, a user's id…
    public var createdBy: String
    public var idempotencyKey: String?

    public init(
        kind: TaskKind, contact: TaskContact = TaskContact(), subject: String, details: String = "", dueAt: Date? = nil, conversationID: String? = nil,
        createdBy: String, idempotencyKey: String? = nil
    ) {
        self.kind = kind
        self.contact = contact
        self.subject = subject
        self.details = details
        self.dueAt = dueAt
        self.conversationID = conversationID
        self.createdBy = createdBy
        self.idempotencyKey = idempotencyKey
    }

    public static let maximumSubjectLength = 200
    public static let maximumDetailsLength = 10_000

    /// Reads `{kind, subject, details?, due_at?, contact?, conversation_id?, idempotency_key?}`; `created_by` comes from
    /// the caller, not the body.
    public init(json object: JSONObject, createdBy: String) throws {
        func text(_ field: String) throws -> String? {
            guard let value = object[field], value != .null else { return nil }
            guard let text = value.stringValue else { throw ValidationError(code: "invalid_task", field: field, message: "must be a string") }
            return text
        }
        guard let kindText = try text("kind") else { throw ValidationError(code: "invalid_task", field: "kind", message: "is required") }
        guard let kind = TaskKind(rawValue: kindText) else {
            let kinds = TaskKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(code: "invalid_task", field: "kind", message: "\"\(kindText)\" is not one of \(kinds)")
        }
        var dueAt: Date?
        if let due = try text("due_at") {
            guard let date = Timestamp.parse(due) else {
                throw ValidationError(code: "invalid_task", field: "due_at", message: "\"\(due)\" is not an ISO 8601 date-time such as 2026-03-31T09:30:00+02:00")
            }
            dueAt = date
        }
        self.init(
            kind: kind, contact: try TaskContact(json: object["contact"], field: "contact"), subject: try text("subject") ?? "",
            details: try text("details") ?? "", dueAt: dueAt, conversationID: try text("conversation_id"), createdBy: createdBy,
            idempotencyKey: try text("idempotency_key"))
    }
}
