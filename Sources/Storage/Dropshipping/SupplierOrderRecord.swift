import AutopilotCore
import Foundation

/// The state of one supplier order.
public enum SupplierOrderStatus: String, Sendable, Codable, CaseIterable {
    /// Queued: to be placed with the supplier (retried with backoff).
    case pending
    /// Placed; tracking is polled.
    case placed
    /// Tracking synced back to the storefront and `order.fulfilled` recorded.
    case shipped
    /// Given up (a permanent error, or too many attempts); the team was told.
    case failed
    /// Lines no supplier takes, pending a person; the team was told.
    case unroutable
}

/// One order's part for one supplier (`supplier` = `unroutable` for the lines nobody takes), as stored.
public struct SupplierOrderRecord: Sendable, Equatable {
    public var tenantID: String
    /// The shop's order id (`order_id` of `order.placed`).
    public var orderID: String
    /// A supplier's raw value, or `unroutable`.
    public var supplier: String
    public var status: SupplierOrderStatus
    /// The lines, as a JSON array (sku, reference, quantity, price; reason for unroutable lines).
    public var lines: JSONValue
    /// What placing needs: `shipping_address`, `contact_id`, `email`, `phone`, `currency`.
    public var details: JSONObject
    public var supplierOrderID: String?
    public var trackingNumber: String?
    public var carrier: String?
    public var trackingURL: String?
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var alertedAt: Date?
    public var placedAt: Date?
    public var shippedAt: Date?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        tenantID: String, orderID: String, supplier: String, status: SupplierOrderStatus, lines: JSONValue, details: JSONObject = JSONObject(),
        supplierOrderID: String? = nil, trackingNumber: String? = nil, carrier: String? = nil, trackingURL: String? = nil, attempts: Int = 0,
        nextAttemptAt: Date? = nil, lastError: String? = nil, alertedAt: Date? = nil, placedAt: Date? = nil, shippedAt: Date? = nil,
        createdAt: Date, updatedAt: Date
    ) {
        self.tenantID = tenantID
        self.orderID = orderID
        self.supplier = supplier
        self.status = status
        self.lines = lines
        self.details = details
        self.supplierOrderID = supplierOrderID
        self.trackingNumber = trackingNumber
        self.carrier = carrier
        self.trackingURL = trackingURL
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.alertedAt = alertedAt
        self.placedAt = placedAt
        self.shippedAt = shippedAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    static let columns = [
        "tenant_id", "order_id", "supplier", "status", "lines", "details", "supplier_order_id", "tracking_number", "carrier", "tracking_url",
        "attempts", "next_attempt_at", "last_error", "alerted_at", "placed_at", "shipped_at", "created_at", "updated_at",
    ]

    var values: [SQLValue] {
        [
            .text(tenantID), .text(orderID), .text(supplier), .text(status.rawValue), .text(lines.jsonString), .json(details),
            .text(supplierOrderID), .text(trackingNumber), .text(carrier), .text(trackingURL), .integer(attempts), .date(nextAttemptAt),
            .text(lastError), .date(alertedAt), .date(placedAt), .date(shippedAt), .date(createdAt), .date(updatedAt),
        ]
    }

    init(row: SQLRow) {
        let lines = row.text(4).flatMap { try? JSONParser.parse($0) } ?? .array([])
        self.init(
            tenantID: row.text(0) ?? "", orderID: row.text(1) ?? "", supplier: row.text(2) ?? "",
            status: SupplierOrderStatus(rawValue: row.text(3) ?? "") ?? .failed, lines: lines, details: row.json(5),
            supplierOrderID: row.text(6), trackingNumber: row.text(7), carrier: row.text(8), trackingURL: row.text(9),
            attempts: Int(row.int(10) ?? 0), nextAttemptAt: row.date(11), lastError: row.text(12), alertedAt: row.date(13),
            placedAt: row.date(14), shippedAt: row.date(15), createdAt: row.date(16) ?? .distantPast, updatedAt: row.date(17) ?? .distantPast)
    }
}

/// Counts and latest outcomes per supplier, for health.
public struct SupplierOrderTotals: Sendable, Equatable {
    public var supplier: String
    public var countsByStatus: [String: Int]
    public var lastSuccessAt: Date?
    public var lastError: String?
    public var lastErrorAt: Date?

    public init(supplier: String, countsByStatus: [String: Int], lastSuccessAt: Date?, lastError: String?, lastErrorAt: Date?) {
        self.supplier = supplier
        self.countsByStatus = countsByStatus
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }
}
