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
    func flowRunCounts(tenantID: String) async throws -> [(flowID: String, status: FlowRunPhase, reason: String?, count: Int)]
    func flowCursor(tenantID: String, name: String) async throws -> Int64?
    func setFlowCursor(tenantID: String, name: String, position: Int64) async throws
}
