import AutopilotCore
import Foundation

extension SQLStore {
    /// Turns a tenant's flow on or off, touching nothing else of its row (version, settings, a pause the circuit breaker
    /// may be writing at the same moment). A flow without a row gets one at `version`.
    public func setFlowEnabled(tenantID: String, flowID: String, version: Int, enabled: Bool, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let row = TenantFlowRecord(tenantID: tenantID, flowID: flowID, enabled: enabled, version: version, updatedAt: at)
            return (
                [
                    .insert(
                        table: "tenant_flows", columns: TenantFlowRecord.columns, rows: [row.values],
                        conflict: "ON CONFLICT (tenant_id, flow_id) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at")
                ], ()
            )
        }
    }
}
