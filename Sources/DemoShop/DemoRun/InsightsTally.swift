import Decisions
import Engine
import Scoring

/// The demo report's scoring part gathered a page of customers at a time (`InsightsService.streamInsights`): counts by
/// segment, churn band and rule, the five most valuable customers and the five most urgent follow-ups, with the churn
/// risk of those five's customers. Memory holds the counts and the leaders, never the tenant.
struct InsightsTally {
    var customers = 0
    var segments: [String: Int] = [:]
    var segmentsByCode: [String: Int] = [:]
    var churnBands: [String: Int] = [:]
    var topCustomers: [InsightsSummary.TopCustomer] = []
    var recommendationsByRule: [String: Int] = [:]
    var topRecommendations: [Recommendation] = []
    /// The churn risk of the customers of `topRecommendations`.
    var churnOfTop: [String: ChurnRisk] = [:]
    static let leaders = 5

    mutating func add(_ page: [CustomerInsights.CustomerScores], recommendations: [Recommendation]) {
        customers += page.count
        for customer in page {
            segments[customer.segment.name(in: .english), default: 0] += 1
            segmentsByCode[customer.segment.rawValue, default: 0] += 1
            churnBands[customer.churn.band.rawValue, default: 0] += 1
        }
        let valued = page.compactMap { customer in
            customer.lifetime.map {
                InsightsSummary.TopCustomer(
                    email: customer.email, clv: ($0.clv * 100).rounded() / 100, probabilityAlive: $0.probabilityAlive,
                    segment: customer.segment.name(in: .english), segmentCode: customer.segment.rawValue, expectedNextOrder: $0.expectedNextOrderDate)
            }
        }
        topCustomers = Array((topCustomers + valued).sorted { $0.clv > $1.clv }.prefix(Self.leaders))
        for recommendation in recommendations { recommendationsByRule[recommendation.rule.rawValue, default: 0] += 1 }
        topRecommendations = Array(
            (topRecommendations + recommendations).sorted { Recommendation.isMoreUrgent($0, than: $1) }.prefix(Self.leaders))
        let churn = Dictionary(page.map { ($0.contactID, $0.churn) }, uniquingKeysWith: { first, _ in first })
        var kept: [String: ChurnRisk] = [:]
        for recommendation in topRecommendations {
            if let risk = churn[recommendation.contactID] ?? churnOfTop[recommendation.contactID] { kept[recommendation.contactID] = risk }
        }
        churnOfTop = kept
    }
}

extension InsightsSummary {
    init(_ tally: InsightsTally, lifetimeWarnings: [String]) {
        segments = tally.segments
        segmentsByCode = tally.segmentsByCode
        churnBands = tally.churnBands
        topCustomers = tally.topCustomers
        self.lifetimeWarnings = lifetimeWarnings
        recommendationsByRule = tally.recommendationsByRule
        topRecommendations = tally.topRecommendations.map {
            Proposal(contact: $0.contactEmail ?? $0.contactID, rule: $0.rule.rawValue, priority: $0.priority.rawValue, reason: $0.reason)
        }
    }
}
