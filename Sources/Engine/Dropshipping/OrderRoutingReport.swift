import AutopilotCore
import Foundation
import Integrations
import Storage

/// `autopilot orders route --order ID`: how an order's lines split between suppliers, and its supplier orders' states.
public struct OrderRoutingReport: Sendable, Codable, Equatable {
    public struct Group: Sendable, Codable, Equatable {
        public var supplier: String
        public var lines: [SupplierLine]
    }

    public struct State: Sendable, Codable, Equatable {
        public var supplier: String
        public var status: String
        public var supplierOrderID: String?
        public var trackingNumber: String?
        public var carrier: String?
        public var attempts: Int
        public var nextAttemptAt: String?
        public var lastError: String?

        enum CodingKeys: String, CodingKey {
            case supplier, status, attempts
            case supplierOrderID = "supplier_order_id", trackingNumber = "tracking_number", carrier, nextAttemptAt = "next_attempt_at"
            case lastError = "last_error"
        }
    }

    public var orderID: String
    public var suppliers: [Group]
    public var unroutable: [UnroutableLine]
    public var supplierOrders: [State]

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id", suppliers, unroutable, supplierOrders = "supplier_orders"
    }

    /// Routes the stored order's lines with the table; nil when the tenant has no such order.
    public static func load(
        store: any SupplierOrderStore, tenantID: String, orderID: String, table: OrderRoutingTable
    ) async throws -> OrderRoutingReport? {
        try await load(store: store, tenantID: tenantID, orderID: orderID, routing: table.routing)
    }

    /// Routes the stored order's lines with `routing`; nil when the tenant has no such order.
    public static func load(
        store: any SupplierOrderStore, tenantID: String, orderID: String, routing: SupplierRouting
    ) async throws -> OrderRoutingReport? {
        guard let lines = try await store.orderLines(tenantID: tenantID, orderID: orderID)
        else { return nil }
        let decision = OrderRouter.route(lines, routing: routing)
        let states = try await store.supplierOrders(tenantID: tenantID, orderID: orderID).map { record in
            State(
                supplier: record.supplier, status: record.status.rawValue, supplierOrderID: record.supplierOrderID,
                trackingNumber: record.trackingNumber, carrier: record.carrier, attempts: record.attempts,
                nextAttemptAt: record.nextAttemptAt.map(Timestamp.format), lastError: record.lastError)
        }
        return OrderRoutingReport(
            orderID: orderID, suppliers: decision.supplierOrders.map { Group(supplier: $0.supplier.rawValue, lines: $0.lines) },
            unroutable: decision.unroutable, supplierOrders: states)
    }
}
