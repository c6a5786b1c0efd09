import AutopilotCore
import Foundation

/// A tenant's choice about one flow: on or off, which version is current, its setting overrides, whether it is paused.
public struct TenantFlowRecord: Sendable, Hashable {
    public var tenantID: String
    public var flowID: String
    public var enabled: Bool
    public var version: Int
    /// Setting overrides as a JSON object text (`{"delay_days": 10}`).
    public var settings: String
    public var pausedReason: String?
    public var pausedAt: Date?
    public var updatedAt: Date

    public init(
        tenantID: String, flowID: String, enabled: Bool, version: Int, settings: String = "{}", pausedReason: String? = nil, pausedAt: Date? = nil,
        updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.enabled = enabled
        self.version = version
        self.settings = settings
        self.pausedReason = pausedReason
        self.pausedAt = pausedAt
        self.updatedAt = updatedAt
    }

    static let columns = ["tenant_id", "flow_id", "enabled", "version", "settings", "paused_reason", "paused_at", "updated_at"]

    var values: [SQLValue] {
        [.text(tenantID), .text(flowID), .bool(enabled), .integer(version), .text(settings), .text(pausedReason), .date(pausedAt), .date(updatedAt)]
    }
}

/// A version of a flow written for one tenant (an edit or a copy), as its source text.
public struct FlowVersionRecord: Sendable, Hashable {
    public var tenantID: String
    public var flowID: String
    public var version: Int
    public var source: String
    public var createdAt: Date

    public init(tenantID: String, flowID: String, version: Int, source: String, createdAt: Date) {
        self.tenantID = tenantID
        self.flowID = flowID
        self.version = version
        self.source = source
        self.createdAt = createdAt
    }
}

extension SQLStore {
    public func tenantFlows(tenantID: String) async throws -> [TenantFlowRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(TenantFlowRecord.columns.joined(separator: ", ")) FROM tenant_flows WHERE tenant_id = ? ORDER BY flow_id", [.text(tenantID)]
            )
        ])
        return rows[0].map {
            TenantFlowRecord(
                tenantID: $0.text(0) ?? "", flowID: $0.text(1) ?? "", enabled: $0.bool(2) ?? false, version: Int($0.int(3) ?? 1),
                settings: $0.text(4) ?? "{}", pausedReason: $0.text(5), pausedAt: $0.date(6), updatedAt: $0.date(7) ?? .distantPast)
        }
    }

    public func saveTenantFlow(_ flow: TenantFlowRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            ([.upsert(table: "tenant_flows", columns: TenantFlowRecord.columns, key: ["tenant_id", "flow_id"], rows: [flow.values])], ())
        }
    }

    public func flowVersions(tenantID: String) async throws -> [FlowVersionRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT tenant_id, flow_id, version, source, created_at FROM flow_versions WHERE tenant_id = ? ORDER BY flow_id, version",
                [.text(tenantID)])
        ])
        return rows[0].map {
            FlowVersionRecord(
                tenantID: $0.text(0) ?? "", flowID: $0.text(1) ?? "", version: Int($0.int(2) ?? 1), source: $0.text(3) ?? "",
                createdAt: $0.date(4) ?? .distantPast)
        }
    }

    /// Saves a new version and makes it current, in one transaction; fails when the version exists.
    public func saveFlowVersion(_ version: FlowVersionRecord, enabled: Bool) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let flow = TenantFlowRecord(
                tenantID: version.tenantID, flowID: version.flowID, enabled: enabled, version: version.version, updatedAt: version.createdAt)
            return (
                [
                    .insert(
                        table: "flow_versions", columns: ["tenant_id", "flow_id", "version", "source", "created_at"],
                        rows: [
                            [
                                .text(version.tenantID), .text(version.flowID), .integer(version.version), .text(version.source),
                                .date(version.createdAt),
                            ]
                        ],
                        conflict: ""),
                    .insert(
                        table: "tenant_flows", columns: TenantFlowRecord.columns, rows: [flow.values],
                        conflict: "ON CONFLICT (tenant_id, flow_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at"),
                ], ()
            )
        }
    }
}
