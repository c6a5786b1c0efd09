import AutopilotCore
import Foundation

/// Durable dropshipping state: supplier orders queued from `order.placed` events (one per order and supplier), their
/// placement and tracking. `SQLStore` conforms.
public protocol SupplierOrderStore: Sendable {
    /// Reads the tenant's next `order.placed` events after the dropshipping cursor, lets `plan` turn them into supplier
    /// orders, inserts those not stored yet (a replayed order changes nothing) and moves the cursor, in one transaction.
    /// Returns the number of events read.
    func queueSupplierOrders(
        tenantID: String, limit: Int, plan: @escaping @Sendable ([(seq: Int64, record: EventRecord)]) -> [SupplierOrderRecord]
    ) async throws -> Int

    /// Pending and placed supplier orders due at `now` (every tenant), claimed for `lease` seconds.
    func claimDueSupplierOrders(now: Date, lease: TimeInterval, limit: Int) async throws -> [SupplierOrderRecord]

    /// Writes a supplier order's state (by tenant, order and supplier).
    func saveSupplierOrder(_ record: SupplierOrderRecord) async throws

    /// Unroutable or failed supplier orders the team has not been told about yet.
    func supplierOrdersToAlert(limit: Int) async throws -> [SupplierOrderRecord]

    /// One order's supplier orders.
    func supplierOrders(tenantID: String, orderID: String) async throws -> [SupplierOrderRecord]

    /// An order's stored lines (by the shop's order id); nil when the order is unknown.
    func orderLines(tenantID: String, orderID: String) async throws -> [OrderLine]?

    /// Counts by status and the latest success and error, per supplier, across tenants.
    func supplierOrderTotals() async throws -> [SupplierOrderTotals]
}
