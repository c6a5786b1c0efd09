import AutopilotCore
import Foundation
import Storage

/// A task as the API and the tools show it.
public struct TaskView: Sendable, Equatable, Encodable {
    public struct Contact: Sendable, Equatable, Encodable {
        public var contactID: String?
        public var name: String?
        public var email: String?
        public var phone: String?

        enum CodingKeys: String, CodingKey {
            case name, email, phone
            case contactID = "contact_id"
        }
    }

    public var id: String
    public var kind: String
    public var status: String
    public var contact: Contact
    public var subject: String
    public var details: String
    public var dueAt: Date?
    public var conversationID: String?
    public var createdBy: String
    public var createdAt: Date
    public var closedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, kind, status, contact, subject, details
        case dueAt = "due_at", conversationID = "conversation_id", createdBy = "created_by", createdAt = "created_at", closedAt = "closed_at"
    }

    public init(_ task: TaskRecord) {
        id = task.id
        kind = task.kind.rawValue
        status = task.status.rawValue
        contact = Contact(contactID: task.contactID, name: task.contactName, email: task.contactEmail, phone: task.contactPhone)
        subject = task.subject
        details = task.details
        dueAt = task.dueAt
        conversationID = task.conversationID
        createdBy = task.createdBy
        createdAt = task.createdAt
        closedAt = task.closedAt
    }
}

/// A created task, and whether this call created it (false: an earlier call with the same idempotency key did).
public struct CreatedTask: Sendable, Equatable, Encodable {
    public var task: TaskView
    public var created: Bool
    /// Whether a team notice was queued (Slack when configured, else the log): support tickets and hand-offs.
    public var teamNotice: Bool

    enum CodingKeys: String, CodingKey {
        case task, created
        case teamNotice = "team_notice"
    }
}
