import AutopilotCore
import Foundation

extension SQLStore {
    public func createTask(_ task: TaskRecord, notice: FlowActionRecord?) async throws -> TaskCreation {
        var reads = [
            SQLStatement(
                "SELECT \(TaskRecord.selectColumns) FROM tasks WHERE tenant_id = ? AND idempotency_key = ?", [.text(task.tenantID), .text(task.idempotencyKey)])
        ]
        if task.kind == .callback, let dueAt = task.dueAt {
            reads.append(
                SQLStatement(
                    "SELECT id FROM tasks WHERE tenant_id = ? AND kind = 'callback' AND status = 'open' AND due_at = ?", [.text(task.tenantID), .date(dueAt)]))
        }
        return try await database.transaction(lock: "tasks:" + task.tenantID, reads: reads) { rows in
            if let existing = rows[0].first { return ([], .existing(TaskRecord(row: existing))) }
            if rows.count > 1, !rows[1].isEmpty, let dueAt = task.dueAt { throw TaskSlotTakenError(dueAt: dueAt) }
            var writes: [SQLWrite] = [.insert(table: "tasks", columns: TaskRecord.columns, rows: [task.values], conflict: "")]
            if let notice {
                writes.append(
                    .insert(
                        table: "flow_actions", columns: FlowActionRecord.columns, rows: [notice.values],
                        conflict: "ON CONFLICT (tenant_id, idempotency_key) DO NOTHING"))
            }
            return (writes, .created(task))
        }
    }

    public func tasks(tenantID: String, filter: TaskFilter, limit: Int, offset: Int) async throws -> [TaskRecord] {
        var conditions = ["tenant_id = ?"]
        var binds: [SQLValue] = [.text(tenantID)]
        if let status = filter.status {
            conditions.append("status = ?")
            binds.append(.text(status.rawValue))
        }
        if let kind = filter.kind {
            conditions.append("kind = ?")
            binds.append(.text(kind.rawValue))
        }
        if let contactID = filter.contactID {
            conditions.append("contact_id = ?")
            binds.append(.text(contactID))
        }
        let order = "CASE WHEN status = 'open' THEN 0 ELSE 1 END, CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at DESC, id"
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(TaskRecord.selectColumns) FROM tasks WHERE \(conditions.joined(separator: " AND ")) ORDER BY \(order) LIMIT ? OFFSET ?",
                binds + [.integer(limit), .integer(offset)])
        ])
        return rows[0].map(TaskRecord.init(row:))
    }

    public func task(id: String, tenantID: String) async throws -> TaskRecord? {
        let rows = try await database.read([
            SQLStatement("SELECT \(TaskRecord.selectColumns) FROM tasks WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        ])
        return rows[0].first.map(TaskRecord.init(row:))
    }

    public func setTaskStatus(id: String, tenantID: String, status: TaskStatus, at: Date) async throws -> TaskRecord? {
        let read = SQLStatement("SELECT \(TaskRecord.selectColumns) FROM tasks WHERE id = ? AND tenant_id = ?", [.text(id), .text(tenantID)])
        return try await database.transaction(lock: "tasks:" + tenantID, reads: [read]) { rows in
            guard let row = rows[0].first else { return ([], nil) }
            var task = TaskRecord(row: row)
            guard task.status != status else { return ([], task) }
            guard task.status == .open else {
                throw TaskClosedError(status: task.status)
            }
            task.status = status
            task.updatedAt = at
            task.closedAt = status == .open ? nil : at
            let update = SQLStatement(
                "UPDATE tasks SET status = ?, updated_at = ?, closed_at = ? WHERE id = ? AND tenant_id = ?",
                [.text(status.rawValue), .date(at), .date(task.closedAt), .text(id), .text(tenantID)])
            return ([.statement(update)], task)
        }
    }

    public func bookedCallbackTimes(tenantID: String, from: Date, to: Date) async throws -> [Date] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT due_at FROM tasks WHERE tenant_id = ? AND kind = 'callback' AND status = 'open' AND due_at >= ? AND due_at < ? ORDER BY due_at",
                [.text(tenantID), .date(from), .date(to)])
        ])
        return rows[0].compactMap { $0.date(0) }
    }

    public func contactID(email: String?, phone: String?, tenantID: String) async throws -> String? {
        var reads: [SQLStatement] = []
        if let email { reads.append(SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND email = ?", [.text(tenantID), .text(email)])) }
        if let phone { reads.append(SQLStatement("SELECT id FROM contacts WHERE tenant_id = ? AND phone = ?", [.text(tenantID), .text(phone)])) }
        guard !reads.isEmpty else { return nil }
        return try await database.read(reads).lazy.compactMap { $0.first?.text(0) }.first
    }
}
