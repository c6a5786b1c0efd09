import AutopilotCore
import Foundation

/// A task for a person, as stored: who it is about (a known contact, or the name and address someone gave), what to do,
/// when (a callback's slot), and who created it (`assistant`, `agent`, `api`, `mcp`…).
public struct TaskRecord: Sendable, Equatable {
    public var id: String
    public var tenantID: String
    public var idempotencyKey: String
    public var kind: TaskKind
    public var status: TaskStatus
    public var contactID: String?
    public var contactName: String?
    public var contactEmail: String?
    public var contactPhone: String?
    public var subject: String
    public var details: String
    public var dueAt: Date?
    public var conversationID: String?
    public var createdBy: String
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?

    public init(
        id: String, tenantID: String, idempotencyKey: String, kind: TaskKind, status: TaskStatus = .open, contactID: String? = nil,
        contactName: String? = nil, contactEmail: String? = nil, contactPhone: String? = nil, subject: String, details: String = "",
        dueAt: Date? = nil, conversationID: String? = nil, createdBy: String, createdAt: Date, updatedAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.kind = kind
        self.status = status
        self.contactID = contactID
        self.contactName = contactName
        self.contactEmail = contactEmail
        self.contactPhone = contactPhone
        self.subject = subject
        self.details = details
        self.dueAt = dueAt
        self.conversationID = conversationID
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }

    static let columns = [
        "id", "tenant_id", "idempotency_key", "kind", "status", "contact_id", "contact_name", "contact_email", "contact_phone", "subject",
        "details", "due_at", "conversation_id", "created_by", "created_at", "updated_at", "closed_at",
    ]

    static var selectColumns: String { columns.joined(separator: ", ") }

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(idempotencyKey), .text(kind.rawValue), .text(status.rawValue), .text(contactID), .text(contactName),
            .text(contactEmail), .text(contactPhone), .text(subject), .text(details), .date(dueAt), .text(conversationID), .text(createdBy),
            .date(createdAt), .date(updatedAt), .date(closedAt),
        ]
    }

    init(row: SQLRow) {
        self.init(
            id: row.text(0) ?? "", tenantID: row.text(1) ?? "", idempotencyKey: row.text(2) ?? "", kind: TaskKind(rawValue: row.text(3) ?? "") ?? .supportTicket,
            status: TaskStatus(rawValue: row.text(4) ?? "") ?? .open, contactID: row.text(5), contactName: row.text(6), contactEmail: row.text(7),
            contactPhone: row.text(8), subject: row.text(9) ?? "", details: row.text(10) ?? "", dueAt: row.date(11), conversationID: row.text(12),
            createdBy: row.text(13) ?? "", createdAt: row.date(14) ?? .distantPast, updatedAt: row.date(15) ?? .distantPast, closedAt: row.date(16))
    }
}

/// Which tasks a listing shows; nil fields do not filter.
public struct TaskFilter: Sendable, Equatable {
    public var status: TaskStatus?
    public var kind: TaskKind?
    public var contactID: String?

    public init(status: TaskStatus? = nil, kind: TaskKind? = nil, contactID: String? = nil) {
        self.status = status
        self.kind = kind
        self.contactID = contactID
    }
}

/// What creating a task came to.
public enum TaskCreation: Sendable, Equatable {
    case created(TaskRecord)
    /// A task with the same idempotency key already existed: that one, unchanged.
    case existing(TaskRecord)

    public var task: TaskRecord {
        switch self {
        case .created(let task), .existing(let task): task
        }
    }
}

/// A done or cancelled task is not reopened nor closed another way: a 409, the request was fine but the task is closed.
public struct TaskClosedError: AutopilotError, Equatable {
    public var status: TaskStatus
    public var code: String { "task_closed" }
    public var field: String? { "status" }
    public var message: String { "the task is \(status.rawValue); a closed task is not reopened" }
    public var category: ErrorCategory { .conflict }

    public init(status: TaskStatus) { self.status = status }
}

/// A callback's slot is already booked by another open callback.
public struct TaskSlotTakenError: AutopilotError, Equatable {
    public var dueAt: Date
    public var code: String { "slot_taken" }
    public var field: String? { "slot" }
    public var message: String { "this slot was just booked; choose another one" }
    public var category: ErrorCategory { .conflict }

    public init(dueAt: Date) { self.dueAt = dueAt }
}
