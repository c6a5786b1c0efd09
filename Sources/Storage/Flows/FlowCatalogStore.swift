import AutopilotCore
import Foundation

/// A tenant's flows: its versions, which are on, and the breakers' pauses over their send outcomes.
public protocol FlowCatalogStore: Sendable {
    func tenantFlows(tenantID: String) async throws -> [TenantFlowRecord]
    func saveTenantFlow(_ flow: TenantFlowRecord) async throws
    func flowVersions(tenantID: String) async throws -> [FlowVersionRecord]
    func saveFlowVersion(_ version: FlowVersionRecord, enabled: Bool) async throws
    /// Turns a flow on or off for a tenant without touching its version, settings or pause.
    func setFlowEnabled(tenantID: String, flowID: String, version: Int, enabled: Bool, at: Date) async throws

    func flowOutcomes(tenantID: String, flowID: String, since: Date?, limit: Int) async throws -> [Bool]
    func pauseFlow(tenantID: String, flowID: String, version: Int, reason: String, at: Date) async throws
    @discardableResult
    func resumeFlow(tenantID: String, flowID: String, at: Date) async throws -> Int
}
