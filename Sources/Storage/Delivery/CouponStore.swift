import AutopilotCore
import Foundation

/// The coupons a tenant issued, with the shop that holds each and the order that used it.
public protocol CouponStore: Sendable {
    /// Every coupon of the tenant, newest first (at most `limit`).
    func coupons(tenantID: String, limit: Int) async throws -> [CouponRecord]
    /// The coupon with this code (any case), if the tenant issued one.
    func coupon(tenantID: String, code: String) async throws -> CouponRecord?
}

extension SQLStore {
    public func coupons(tenantID: String, limit: Int) async throws -> [CouponRecord] {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(CouponRecord.columns.joined(separator: ", ")) FROM coupons WHERE tenant_id = ? ORDER BY created_at DESC, code LIMIT ?",
                [.text(tenantID), .integer(max(limit, 0))])
        ])
        return rows[0].map(CouponRecord.init(row:))
    }

    public func coupon(tenantID: String, code: String) async throws -> CouponRecord? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT \(CouponRecord.columns.joined(separator: ", ")) FROM coupons WHERE tenant_id = ? AND code = ?",
                [.text(tenantID), .text(code.uppercased())])
        ])
        return rows[0].first.map(CouponRecord.init(row:))
    }
}
