import AutopilotCore
import Foundation
import Storage

/// `GET /health` and `autopilot health`: is the database reachable, is the schema current, and how every configured
/// channel and integration is doing. Only the database and the schema decide `status` (a failing provider must not get
/// the server restarted by a load balancer); each integration has its own.
public struct HealthReport: Sendable, Codable, Equatable {
    public struct Check: Sendable, Codable, Equatable {
        public var status: String
        public var detail: String?

        public init(status: String, detail: String?) {
            self.status = status
            self.detail = detail
        }
    }

    public var status: String
    public var version: String
    public var database: Check
    public var migrations: Check
    public var integrations: [IntegrationStatus]
    /// Each configured CRM's sync (docs/crm.md); absent when none is. A paused or failing CRM does not make the report unhealthy.
    public var crm: [CRMHealth]?
    /// Dropshipping suppliers with supplier orders (docs/dropshipping.md); absent when there are none.
    public var suppliers: [SupplierHealth]?

    public var isHealthy: Bool { status == "ok" }

    public init(
        status: String, version: String, database: Check, migrations: Check, integrations: [IntegrationStatus] = [], crm: [CRMHealth]? = nil,
        suppliers: [SupplierHealth]? = nil
    ) {
        self.suppliers = suppliers
        self.status = status
        self.version = version
        self.database = database
        self.migrations = migrations
        self.integrations = integrations
        self.crm = crm
    }

    public static let version = "0.1.0"

    /// Checks the store, giving up after `timeout` so a dead database is reported quickly, not after the pool's retries.
    /// With `crm` settings that configure a CRM, the report lists each CRM's sync state (read once the schema is current).
    public static func check(
        store: any AutopilotStore, databaseName: String, inventory: IntegrationInventory = IntegrationInventory(), detailed: Bool = false,
        timeout: Duration = .seconds(5), crm: CRMSettings? = nil, now: Date = Date()
    ) async -> HealthReport {
        do {
            let schema = try await withThrowingTaskGroup(of: SchemaStatus.self) { group in
                group.addTask { try await store.schemaStatus() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    throw HealthTimeout(timeout: timeout)
                }
                defer { group.cancelAll() }
                guard let first = try await group.next() else { throw HealthTimeout(timeout: timeout) }
                return first
            }
            let migrations =
                schema.isCurrent
                ? Check(status: "ok", detail: "version \(schema.currentVersion)")
                : Check(
                    status: "error",
                    detail: "schema at version \(schema.currentVersion), expected \(schema.latestVersion)"
                        + (schema.pending.isEmpty ? "" : " (missing \(schema.pending.map(String.init).joined(separator: ", ")))")
                        + ": run `autopilot migrate`")
            var integrations = IntegrationStatus.list(inventory: inventory, records: [], tenantChoices: [], detailed: detailed)
            var crmHealth: [CRMHealth]?
            if schema.isCurrent {
                integrations = IntegrationStatus.list(
                    inventory: inventory, records: (try? await store.integrationHealth()) ?? [],
                    tenantChoices: (try? await store.channelProviderChoices()) ?? [],
                    detailed: detailed)
                if let crm, !crm.isEmpty {
                    crmHealth = (try? await CRMHealth.report(store: store, settings: crm, now: now)).map { $0.map { detailed ? $0 : $0.redacted } }
                }
            }
            let suppliers = schema.isCurrent ? try? await SupplierHealth.load(store: store, configured: nil) : nil
            return HealthReport(
                status: schema.isCurrent ? "ok" : "error", version: version, database: Check(status: "ok", detail: databaseName),
                migrations: migrations,
                integrations: integrations, crm: crmHealth, suppliers: suppliers?.isEmpty == false ? suppliers : nil)
        } catch {
            return HealthReport(
                status: "error", version: version, database: Check(status: "error", detail: "unreachable: \(error)"),
                migrations: Check(status: "unknown", detail: nil))
        }
    }
}

struct HealthTimeout: Error, CustomStringConvertible {
    let timeout: Duration
    var description: String { "no answer within \(timeout)" }
}
