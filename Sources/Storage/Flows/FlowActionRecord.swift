import AutopilotCore
import Foundation

/// A non-message effect of a run: a team notification, an outgoing webhook, a task for a person, an approval request,
/// a contact update. Written once per idempotency key; carried out (or shown) by the engine.
public struct FlowActionRecord: Sendable, Hashable {
    public var id: String
    public var tenantID: String
    public var idempotencyKey: String
    public var runID: String
    public var flowID: String
    public var contactID: String
    public var kind: FlowActionKind
    /// The action's details as a JSON object text.
    public var payload: String
    public var status: FlowActionStatus
    public var nextAttemptAt: Date?
    public var attempts: Int
    public var lastError: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: String, tenantID: String, idempotencyKey: String, runID: String, flowID: String, contactID: String, kind: FlowActionKind, payload: String,
        status: FlowActionStatus, nextAttemptAt: Date?, attempts: Int = 0, lastError: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.tenantID = tenantID
        self.idempotencyKey = idempotencyKey
        self.runID = runID
        self.flowID = flowID
        self.contactID = contactID
        self.kind = kind
        self.payload = payload
        self.status = status
        self.nextAttemptAt = nextAttemptAt
        self.attempts = attempts
        self.lastError = lastError
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "id", "tenant_id", "idempotency_key", "run_id", "flow_id", "contact_id", "kind", "payload", "status", "next_attempt_at", "attempts",
        "last_error", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(id), .text(tenantID), .text(idempotencyKey), .text(runID), .text(flowID), .text(contactID), .text(kind.rawValue), .text(payload),
            .text(status.rawValue), .date(nextAttemptAt), .integer(attempts), .text(lastError), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        // A kind or status this version does not know is never carried out: read as a failed notification.
        let kind = FlowActionKind(rawValue: row.text(6) ?? "")
        let status = kind == nil ? nil : FlowActionStatus(rawValue: row.text(8) ?? "")
        self.init(
            id: row.text(0) ?? "", tenantID: row.text(1) ?? "", idempotencyKey: row.text(2) ?? "", runID: row.text(3) ?? "",
            flowID: row.text(4) ?? "", contactID: row.text(5) ?? "", kind: kind ?? .notify, payload: row.text(7) ?? "{}", status: status ?? .failed,
            nextAttemptAt: status == nil ? nil : row.date(9), attempts: Int(row.int(10) ?? 0), lastError: row.text(11),
            createdAt: row.date(12) ?? .distantPast, updatedAt: row.date(13) ?? .distantPast)
    }
}

/// Everything one engine pass decided for a set of runs, written in the transaction that read them.
public struct FlowChanges: Sendable {
    /// Runs created or updated (upserted by id).
    public var runs: [FlowRunRecord] = []
    /// Messages queued; a message whose idempotency key exists is ignored.
    public var messages: [OutboxRecord] = []
    /// Actions; one whose idempotency key exists is ignored.
    public var actions: [FlowActionRecord] = []
    /// Existing actions a person closed (an approval decided, a task done): upserted by id.
    public var closedActions: [FlowActionRecord] = []
    /// Referral conversions (one per referred contact; a repeat is ignored) and the coupons issued with them.
    public var referrals: [ReferralRecord] = []
    public var coupons: [CouponRecord] = []
    /// Runs an event ended (an order, a reply, an unsubscribe): what they still had queued or held is skipped.
    public var cancelledRuns: [RunCancellation] = []

    public init(runs: [FlowRunRecord] = [], messages: [OutboxRecord] = [], actions: [FlowActionRecord] = [], closedActions: [FlowActionRecord] = []) {
        self.runs = runs
        self.messages = messages
        self.actions = actions
        self.closedActions = closedActions
    }

    public var isEmpty: Bool {
        runs.isEmpty && messages.isEmpty && actions.isEmpty && closedActions.isEmpty && referrals.isEmpty && coupons.isEmpty && cancelledRuns.isEmpty
    }

    var writes: [SQLWrite] {
        var writes: [SQLWrite] = []
        if !runs.isEmpty {
            // One row per run: a multi-row upsert may not touch a row twice.
            var latest: [String: Int] = [:]
            for (index, run) in runs.enumerated() { latest[run.id] = index }
            let rows = runs.enumerated().filter { latest[$0.element.id] == $0.offset }.map(\.element.values)
            writes.append(.upsert(table: "flow_runs", columns: FlowRunRecord.columns, key: ["id"], rows: rows))
        }
        if !messages.isEmpty {
            writes.append(
                .insert(
                    table: "outbox", columns: OutboxRecord.columns, rows: messages.map(\.values),
                    conflict: "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING"))
        }
        for cancelled in cancelledRuns {
            // After the inserts above: nothing the run queued in this same pass escapes.
            writes.append(
                .statement(
                    SQLStatement(
                        "UPDATE outbox SET status = ?, blocked_reason = ?, next_attempt_at = NULL, updated_at = ? WHERE tenant_id = ? AND run_id = ? "
                            + "AND status IN (?, ?)",
                        [
                            .text(MessageStatus.skipped.rawValue), .text("run_exited:" + cancelled.reason), .date(cancelled.at),
                            .text(cancelled.tenantID),
                            .text(cancelled.runID), .text(MessageStatus.queued.rawValue), .text(MessageStatus.blocked.rawValue),
                        ])))
        }
        if !actions.isEmpty {
            writes.append(
                .insert(
                    table: "flow_actions", columns: FlowActionRecord.columns, rows: actions.map(\.values),
                    conflict: "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING"))
        }
        if !closedActions.isEmpty {
            writes.append(.upsert(table: "flow_actions", columns: FlowActionRecord.columns, key: ["id"], rows: closedActions.map(\.values)))
        }
        if !referrals.isEmpty {
            writes.append(
                .insert(
                    table: "referrals", columns: ReferralRecord.columns, rows: referrals.map(\.values),
                    conflict: "ON CONFLICT (tenant_id, referred_contact_id) DO NOTHING"))
        }
        if !coupons.isEmpty {
            writes.append(
                .insert(
                    table: "coupons", columns: CouponRecord.columns, rows: coupons.map(\.values), conflict: "ON CONFLICT (tenant_id, code) DO NOTHING"
                ))
        }
        return writes
    }
}

/// A run that an event ended, whose messages still waiting must not go (`run_exited:REASON`).
public struct RunCancellation: Sendable, Hashable {
    public var tenantID: String
    public var runID: String
    public var reason: String
    public var at: Date

    public init(tenantID: String, runID: String, reason: String, at: Date) {
        self.tenantID = tenantID
        self.runID = runID
        self.reason = reason
        self.at = at
    }
}
