import AutopilotCore
import Foundation
import Integrations
import Storage

/// One supplier's line in `GET /health` and `autopilot health`: whether it is configured, its supplier orders by status,
/// the latest success (placed or shipped) and the latest error. `unroutable` counts lines pending a person.
public struct SupplierHealth: Sendable, Codable, Equatable {
    public var supplier: String
    public var configured: Bool
    public var counts: [String: Int]
    public var lastSuccessAt: String?
    public var lastError: String?
    public var lastErrorAt: String?

    enum CodingKeys: String, CodingKey {
        case supplier, configured, counts, lastSuccessAt = "last_success_at", lastError = "last_error", lastErrorAt = "last_error_at"
    }

    public init(supplier: String, configured: Bool, counts: [String: Int], lastSuccessAt: String?, lastError: String?, lastErrorAt: String?) {
        self.supplier = supplier
        self.configured = configured
        self.counts = counts
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.lastErrorAt = lastErrorAt
    }

    /// Every configured supplier (`configured`: nil when unknown, as for `GET /health`) and every supplier with orders.
    public static func load(store: any SupplierOrderStore, configured: Set<Supplier>?) async throws -> [SupplierHealth] {
        let totals = try await store.supplierOrderTotals()
        var names = Set(totals.map(\.supplier))
        for supplier in configured ?? [] { names.insert(supplier.rawValue) }
        return names.sorted().map { name in
            let total = totals.first { $0.supplier == name }
            let isConfigured = name == DropshipPlanner.unroutable || configured.map { $0.contains { $0.rawValue == name } } ?? true
            return SupplierHealth(
                supplier: name, configured: isConfigured, counts: total?.countsByStatus ?? [:],
                lastSuccessAt: total?.lastSuccessAt.map(Timestamp.format), lastError: total?.lastError,
                lastErrorAt: total?.lastErrorAt.map(Timestamp.format))
        }
    }
}
