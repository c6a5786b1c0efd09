import AutopilotCore
import Foundation

extension SQLStore {
    /// Every referral code the tenant issued, oldest first, with the conversions it brought.
    public func referrers(tenantID: String) async throws -> [ReferrerSummary] {
        let rows = try await database.read([
            SQLStatement(
                """
                SELECT c.code, c.contact_id, c.created_at, p.email FROM coupons c LEFT JOIN contacts p ON p.id = c.contact_id
                WHERE c.tenant_id = ? AND c.kind = 'referral' ORDER BY c.created_at, c.code
                """, [.text(tenantID)]),
            SQLStatement(
                "SELECT \(ReferralRecord.columns.joined(separator: ", ")) FROM referrals WHERE tenant_id = ? ORDER BY converted_at, referred_contact_id",
                [.text(tenantID)]),
        ])
        let conversions = Dictionary(grouping: rows[1].map(ReferralRecord.init(row:)), by: \.code)
        return rows[0].map { row in
            let code = row.text(0) ?? ""
            return ReferrerSummary(
                referrerContactID: row.text(1) ?? "", referrerEmail: row.text(3), code: code, invitedAt: row.date(2) ?? .distantPast,
                conversions: conversions[code] ?? [])
        }
    }
}
