import AutopilotCore
import Foundation

/// The actions runs leave for the worker or a person: notifications, webhooks, tasks, approvals.
public protocol FlowActionStore: Sendable {
    func claimDueActions(now: Date, limit: Int, lease: TimeInterval) async throws -> [FlowActionRecord]
    func saveActions(_ actions: [FlowActionRecord]) async throws
    func flowActions(tenantID: String, kind: String, status: String, limit: Int) async throws -> [FlowActionRecord]
    func flowAction(id: String, tenantID: String) async throws -> FlowActionRecord?
    func nextActionDue() async throws -> Date?
}
