import AutopilotCore
import Foundation

/// One run as stored: indexed columns beside the interpreter's full state (`state`, a JSON object).
public struct FlowRunRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var flowID: String
    public var flowVersion: Int
    public var contactID: String
    public var triggerObjectID: String?
    public var status: FlowRunPhase
    public var reason: String?
    /// When the run's timer is due; nil when nothing is scheduled.
    public var wakeAt: Date?
    public var startedAt: Date
    public var finishedAt: Date?
    public var updatedAt: Date
    /// The interpreter's state as JSON text; empty when only the indexed columns were read.
    public var state: String

    public init(
        id: String, tenantID: String, flowID: String, flowVersion: Int, contactID: String, triggerObjectID: String?, status: FlowRunPhase,
        reason: String?, wakeAt: Date?, startedAt: Date, finishedAt: Date?, updatedAt: Date, state: String
    ) {
        self.id = id
        self.tenantID = tenantID
        self.flowID = flowID
        self.flowVersion = flowVersion
        self.contactID = contactID
        self.triggerObjectID = triggerObjectID
        self.status = status
        self.reason = reason
        self.wakeAt = wakeAt
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.updatedAt = updatedAt
        self.state = state
    }

    public var isFinished: Bool { status.isFinished }

    static let columns = [
        "id", "tenant_id", "flow_id", "flow_version", "contact_id", "trigger_object_id", "status", "reason", "wake_at", "started_at",
        "finished_at", "updated_at", "state",
    ]

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(flowID), .integer(flowVersion), .text(contactID), .text(triggerObjectID), .text(status.rawValue),
            .text(reason), .date(wakeAt), .date(startedAt), .date(finishedAt), .date(updatedAt), .text(state),
        ]
    }

    init(row: SQLRow) {
        self.init(
            id: row.text(0) ?? "", tenantID: row.text(1) ?? "", flowID: row.text(2) ?? "", flowVersion: Int(row.int(3) ?? 0),
            contactID: row.text(4) ?? "", triggerObjectID: row.text(5), status: FlowRunPhase(stored: row.text(6)), reason: row.text(7),
            wakeAt: row.date(8),
            startedAt: row.date(9) ?? .distantPast, finishedAt: row.date(10), updatedAt: row.date(11) ?? .distantPast, state: row.text(12) ?? "")
    }
}
