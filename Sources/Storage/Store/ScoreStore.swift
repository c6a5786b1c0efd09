import AutopilotCore
import Foundation

/// What scoring and the decision rules read, the scores they write, and the decisions people (or delegated flows) took.
public protocol ScoreStore: Sendable {
    /// Contacts, orders, messages, replies, recent tickets and leads: what scoring and the decision rules read.
    func scoringData(tenantID: String, ticketsSince: Date) async throws -> ScoringData
    func scoringData(tenantID: String, ticketsSince: Date, contactIDs: Set<String>?) async throws -> ScoringData
    /// Only what `scope` needs: the nightly and per-event scorings read far less than the decision rules.
    func scoringData(tenantID: String, ticketsSince: Date, contactIDs: Set<String>?, scope: ScoringScope) async throws -> ScoringData
    /// The next page of at most `limit` contacts after the id `after`, by id; nil past the last: a streamed scoring reads
    /// one page at a time.
    func contactPage(tenantID: String, after: String?, limit: Int) async throws -> ContactPage?
    /// What `scope` needs of the contacts of one page.
    func scoringData(tenantID: String, ticketsSince: Date, page: ContactPage, scope: ScoringScope) async throws -> ScoringData
    /// The counted orders of the contacts of one page (the lifetime-value fit's input).
    func scoringOrders(tenantID: String, page: ContactPage) async throws -> [ScoringData.Order]
    func recordScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws
    func recordChurnScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws
    func recommendationDecisions(tenantID: String) async throws -> [StoredRecommendationDecision]
    func saveRecommendationDecision(_ decision: StoredRecommendationDecision, tenantID: String) async throws
}
