import AutopilotCore
import Foundation

/// What the flows achieved, aggregated by the database.
public protocol FlowStatsStore: Sendable {
    /// Flow analytics aggregated by the database (runs, messages per step, blocks by reason, attributed orders).
    func flowStats(_ query: FlowStatsQuery) async throws -> FlowStatsRecord
    /// Referral codes issued and what each brought.
    func referrers(tenantID: String) async throws -> [ReferrerSummary]
}
