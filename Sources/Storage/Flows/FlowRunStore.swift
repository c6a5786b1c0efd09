import AutopilotCore
import Foundation

/// Flow runs, their timers and the cursors of the passes that start and advance them (routing, date sweeps, scores).
public protocol FlowRunStore: Sendable {
    func routeEvents(tenantID: String, limit: Int, route: @escaping @Sendable (FlowRoutingBatch) throws -> FlowChanges) async throws
        -> FlowRoutingResult
    func advanceDueRuns(now: Date, limit: Int, advance: @escaping @Sendable ([FlowRunRecord]) throws -> FlowChanges) async throws -> Int
    func changeRuns<Result: Sendable>(
        tenantID: String, contactIDs: Set<String>,
        decide: @escaping @Sendable (_ contacts: [String: ContactRecord], _ runs: [FlowRunRecord]) throws -> (FlowChanges, Result)
    ) async throws -> Result
    func flowRun(id: String, tenantID: String) async throws -> FlowRunRecord?
    func nextRunWake() async throws -> Date?
    func hasUnroutedEvents(tenantID: String) async throws -> Bool
    func nextDueMoments() async throws -> DueMoments
    /// Every tenant's activity and the next due moments; the roster of `previous` when the tenants' state did not move.
    func tenantActivity(after previous: TenantActivity?) async throws -> TenantActivity
    func flowRunCounts(tenantID: String) async throws -> [(flowID: String, status: FlowRunPhase, reason: String?, count: Int)]
    func flowCursor(tenantID: String, name: String) async throws -> Int64?
    func setFlowCursor(tenantID: String, name: String, position: Int64) async throws
}

extension FlowRunStore {
    /// Every tenant's activity and the next due moments, the roster read afresh.
    public func tenantActivity() async throws -> TenantActivity {
        try await tenantActivity(after: nil)
    }
}

/// The earliest pending moments of every tenant's due work, read together (the simulator asks after every pass).
public struct DueMoments: Sendable, Equatable {
    public var runWake: Date?
    public var messageDue: Date?
    public var actionDue: Date?
    public var oldestOpenCartUpdate: Date?

    public init(runWake: Date? = nil, messageDue: Date? = nil, actionDue: Date? = nil, oldestOpenCartUpdate: Date? = nil) {
        self.runWake = runWake
        self.messageDue = messageDue
        self.actionDue = actionDue
        self.oldestOpenCartUpdate = oldestOpenCartUpdate
    }
}
