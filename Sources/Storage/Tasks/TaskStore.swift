import AutopilotCore
import Foundation

/// Tasks for people (callbacks, support tickets, hand-offs). Each operation is one transaction, scoped by tenant.
public protocol TaskStore: Sendable {
    /// Creates the task once per `(tenant, idempotencyKey)`, with the team notification `notice` (a Slack or log `notify`
    /// action) in the same transaction. A callback whose slot another open callback holds is refused (`TaskSlotTakenError`).
    func createTask(_ task: TaskRecord, notice: FlowActionRecord?) async throws -> TaskCreation
    /// The tenant's tasks matching `filter`, open ones by due date then newest first.
    func tasks(tenantID: String, filter: TaskFilter, limit: Int, offset: Int) async throws -> [TaskRecord]
    func task(id: String, tenantID: String) async throws -> TaskRecord?
    /// Moves a task to `status` (closing it when done or cancelled); nil when the tenant has no such task.
    func setTaskStatus(id: String, tenantID: String, status: TaskStatus, at: Date) async throws -> TaskRecord?
    /// The due times of open callbacks in `[from, to)`: the slots already booked.
    func bookedCallbackTimes(tenantID: String, from: Date, to: Date) async throws -> [Date]
    /// The tenant's contact with this email or phone (already normalised), or nil.
    func contactID(email: String?, phone: String?, tenantID: String) async throws -> String?
}
