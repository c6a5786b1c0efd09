import AutopilotCore
import Foundation

/// What the flow engine keeps: runs and their timers, the router's cursor, actions, the tenant's flow choices.
/// Every write that matters happens in the transaction that read its inputs, so a crash loses nothing and repeats nothing.
public protocol FlowStore: Sendable {
    func routeEvents(tenantID: String, limit: Int, route: @escaping @Sendable (FlowRoutingBatch) throws -> FlowChanges) async throws
        -> FlowRoutingResult
    func advanceDueRuns(now: Date, limit: Int, advance: @escaping @Sendable ([FlowRunRecord]) throws -> FlowChanges) async throws -> Int
    func changeRuns<Result: Sendable>(
        tenantID: String, contactIDs: Set<String>,
        decide: @escaping @Sendable (_ contacts: [String: ContactRecord], _ runs: [FlowRunRecord]) throws -> (FlowChanges, Result)
    ) async throws -> Result
    func contacts(ids: Set<String>, tenantID: String) async throws -> [String: ContactRecord]
    func flowRun(id: String, tenantID: String) async throws -> FlowRunRecord?
    func nextRunWake() async throws -> Date?
    func flowRunCounts(tenantID: String) async throws -> [(flowID: String, status: String, reason: String?, count: Int)]
    func idleCarts(tenantID: String, idleSince: Date, limit: Int) async throws -> [CartRecord]
    func oldestOpenCartUpdate() async throws -> Date?
    func contactsPage(tenantID: String, afterID: String, limit: Int) async throws -> [ContactRecord]
    func contactDates(tenantID: String, property: String, afterID: String, limit: Int) async throws -> [ContactDate]?
    func flowCursor(tenantID: String, name: String) async throws -> Int64?
    func setFlowCursor(tenantID: String, name: String, position: Int64) async throws

    func claimDueActions(now: Date, limit: Int, lease: TimeInterval) async throws -> [FlowActionRecord]
    func saveActions(_ actions: [FlowActionRecord]) async throws
    func flowActions(tenantID: String, kind: String, status: String, limit: Int) async throws -> [FlowActionRecord]
    func flowAction(id: String, tenantID: String) async throws -> FlowActionRecord?
    func nextActionDue() async throws -> Date?

    func flowOutcomes(tenantID: String, flowID: String, since: Date?, limit: Int) async throws -> [Bool]
    func pauseFlow(tenantID: String, flowID: String, version: Int, reason: String, at: Date) async throws
    @discardableResult
    func resumeFlow(tenantID: String, flowID: String, at: Date) async throws -> Int

    /// Referral codes issued and what each brought.
    func referrers(tenantID: String) async throws -> [ReferrerSummary]

    func tenantFlows(tenantID: String) async throws -> [TenantFlowRecord]
    func saveTenantFlow(_ flow: TenantFlowRecord) async throws
    func flowVersions(tenantID: String) async throws -> [FlowVersionRecord]
    func saveFlowVersion(_ version: FlowVersionRecord, enabled: Bool) async throws
    /// Turns a flow on or off for a tenant without touching its version, settings or pause.
    func setFlowEnabled(tenantID: String, flowID: String, version: Int, enabled: Bool, at: Date) async throws
    /// Flow analytics aggregated by the database (runs, messages per step, blocks by reason, attributed orders).
    func flowStats(_ query: FlowStatsQuery) async throws -> FlowStatsRecord
}
