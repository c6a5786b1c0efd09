import AutopilotCore
import Foundation

extension SQLStore {
    static let dropshipCursor = "dropship"

    public func queueSupplierOrders(
        tenantID: String, limit: Int, plan: @escaping @Sendable ([(seq: Int64, record: EventRecord)]) -> [SupplierOrderRecord]
    ) async throws -> Int {
        let tenant = SQLValue.text(tenantID)
        let cursor = SQLValue.text(Self.dropshipCursor)
        let read = SQLStatement(
            "SELECT seq, \(RecordColumns.event.joined(separator: ", ")) FROM events WHERE \(EventsTable.tenantMatch) AND type = 'order.placed'"
                + " AND seq > COALESCE((SELECT position FROM flow_cursors WHERE tenant_id = ? AND name = ?), 0) ORDER BY seq LIMIT ?",
            [tenant, tenant, cursor, .integer(limit)])
        return try await database.transaction(lock: "dropship:" + tenantID, reads: [read]) { rows in
            let events = rows[0].compactMap(RecordColumns.event)
            guard let last = events.last?.seq else { return ([], 0) }
            let records = plan(events)
            let insert = SQLWrite.insert(
                table: "supplier_orders", columns: SupplierOrderRecord.columns, rows: records.map(\.values),
                conflict: "ON CONFLICT (tenant_id, order_id, supplier) DO NOTHING")
            let move = SQLWrite.upsert(
                table: "flow_cursors", columns: ["tenant_id", "name", "position"], key: ["tenant_id", "name"], rows: [[tenant, cursor, .int(last)]])
            return ([insert, move].filter { !$0.isEmpty }, events.count)
        }
    }

    public func claimDueSupplierOrders(now: Date, lease: TimeInterval, limit: Int) async throws -> [SupplierOrderRecord] {
        let columns = SupplierOrderRecord.columns.joined(separator: ", ")
        let read = SQLStatement(
            "SELECT \(columns) FROM supplier_orders WHERE status IN ('pending', 'placed') AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at LIMIT ?", [.date(now), .integer(limit)])
        return try await database.transaction(lock: "dropship-claims", reads: [read]) { rows in
            let records = rows[0].map(SupplierOrderRecord.init(row:))
            let until = SQLValue.date(now.addingTimeInterval(lease))
            let writes = records.map { record in
                SQLWrite.statement(
                    SQLStatement(
                        "UPDATE supplier_orders SET next_attempt_at = ? WHERE tenant_id = ? AND order_id = ? AND supplier = ?",
                        [until, .text(record.tenantID), .text(record.orderID), .text(record.supplier)]))
            }
            return (writes, records)
        }
    }

    public func saveSupplierOrder(_ record: SupplierOrderRecord) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let key = ["tenant_id", "order_id", "supplier"]
            return ([.upsert(table: "supplier_orders", columns: SupplierOrderRecord.columns, key: key, rows: [record.values])], ())
        }
    }

    public func supplierOrdersToAlert(limit: Int) async throws -> [SupplierOrderRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(SupplierOrderRecord.columns.joined(separator: ", ")) FROM supplier_orders"
                    + " WHERE status IN ('failed', 'unroutable') AND alerted_at IS NULL ORDER BY created_at LIMIT ?", [.integer(limit)])
        ])
        return rows[0].map(SupplierOrderRecord.init(row:))
    }

    public func supplierOrders(tenantID: String, orderID: String) async throws -> [SupplierOrderRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(SupplierOrderRecord.columns.joined(separator: ", ")) FROM supplier_orders"
                    + " WHERE tenant_id = ? AND order_id = ? ORDER BY supplier",
                [.text(tenantID), .text(orderID)])
        ])
        return rows[0].map(SupplierOrderRecord.init(row:))
    }

    public func orderLines(tenantID: String, orderID: String) async throws -> [OrderLine]? {
        let rows = try await database.read([
            SQLStatement("SELECT id FROM orders WHERE tenant_id = ? AND external_id = ?", [.text(tenantID), .text(orderID)]),
            SQLStatement(
                "SELECT l.sku, l.quantity, l.price FROM order_lines l JOIN orders o ON o.id = l.order_id"
                    + " WHERE o.tenant_id = ? AND o.external_id = ? ORDER BY l.line_number", [.text(tenantID), .text(orderID)]),
        ])
        guard !rows[0].isEmpty else { return nil }
        return rows[1].map { OrderLine(sku: $0.text(0) ?? "", quantity: Int($0.int(1) ?? 0), price: $0.double(2) ?? 0) }
    }

    public func supplierOrderTotals() async throws -> [SupplierOrderTotals] {
        let rows = try await database.read([
            SQLStatement("SELECT supplier, status, COUNT(*) FROM supplier_orders GROUP BY supplier, status ORDER BY supplier, status"),
            SQLStatement(
                "SELECT supplier, MAX(COALESCE(shipped_at, placed_at)) FROM supplier_orders WHERE status IN ('placed', 'shipped') GROUP BY supplier"),
            SQLStatement(
                "SELECT supplier, last_error, updated_at FROM supplier_orders WHERE last_error IS NOT NULL ORDER BY updated_at DESC"),
        ])
        var totals: [String: SupplierOrderTotals] = [:]
        for row in rows[0] {
            guard let supplier = row.text(0), let status = row.text(1) else { continue }
            let empty = SupplierOrderTotals(supplier: supplier, countsByStatus: [:], lastSuccessAt: nil, lastError: nil, lastErrorAt: nil)
            totals[supplier, default: empty].countsByStatus[status] = Int(row.int(2) ?? 0)
        }
        for row in rows[1] { if let supplier = row.text(0) { totals[supplier]?.lastSuccessAt = row.date(1) } }
        for row in rows[2] {
            guard let supplier = row.text(0), totals[supplier]?.lastErrorAt == nil else { continue }
            totals[supplier]?.lastError = row.text(1)
            totals[supplier]?.lastErrorAt = row.date(2)
        }
        return totals.values.sorted { $0.supplier < $1.supplier }
    }
}
