import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

/// Scores, recommendations and the people's decisions on them, for one tenant at a moment.
public struct InsightsService: Sendable {
    public let dependencies: Dependencies
    public let tenantID: String

    public init(dependencies: Dependencies, tenantID: String) {
        self.dependencies = dependencies
        self.tenantID = tenantID
    }

    /// Everything scored as of `at` (default: the clock's now).
    public func insights(at: Date? = nil, locale: ScoringLocale = .french) async throws -> CustomerInsights.Result {
        let now = at ?? dependencies.clock.now()
        let data = try await dependencies.store.scoringData(tenantID: tenantID, ticketsSince: now.addingTimeInterval(-180 * 86_400))
        return CustomerInsights().compute(data, now: now, locale: locale)
    }

    /// Recommendations still waiting for a person: dismissed and accepted ones are gone, snoozed ones come back after their
    /// date. Decided from the stored scores (`pendingFromStoredScores`), as the daily list is.
    public func pendingRecommendations(at: Date? = nil, filter: RecommendationFilter = RecommendationFilter(), locale: ScoringLocale = .french)
        async throws
        -> [Recommendation]
    {
        try await pendingFromStoredScores(at: at ?? dependencies.clock.now(), filter: filter, locale: locale).recommendations
    }

    /// Pending recommendations as shown, most urgent first, each customer at churn risk above 0.5 with a retention
    /// suggestion (`RetentionAdvisor`). The daily list (`dailyList`) ranks them by expected value instead.
    public func pendingViews(at: Date? = nil, filter: RecommendationFilter = RecommendationFilter(), locale: ScoringLocale = .french) async throws
        -> [RecommendationView]
    {
        let now = at ?? dependencies.clock.now()
        let pending = try await pendingFromStoredScores(at: now, filter: filter, locale: locale)
        let risks = try await retentionRisks(for: pending.recommendations, churn: pending.churn, now: now, locale: locale)
        return try await views(of: pending.recommendations, churn: risks, now: now)
    }

    /// `recommendations` as shown, with retention suggestions for the customers at churn risk (`churn`, by contact).
    func views(of recommendations: [Recommendation], churn: [String: ChurnRisk], now: Date) async throws -> [RecommendationView] {
        let advisor = RetentionAdvisor(dependencies: dependencies, tenantID: tenantID)
        var views = recommendations.map { RecommendationView($0) }
        let atRisk = recommendations.enumerated().compactMap { index, recommendation in
            churn[recommendation.contactID].map { (index, recommendation, $0) }
        }
        // The first are written first, a few at a time; past `writtenPerListing` the offline text stands in until a
        // later listing writes them.
        try await withThrowingTaskGroup(of: (Int, RetentionSuggestion?).self) { group in
            var next = 0
            func add() {
                guard next < atRisk.count else { return }
                let (index, recommendation, risk) = atRisk[next]
                let write = next < RetentionAdvisor.writtenPerListing
                next += 1
                group.addTask {
                    (
                        index,
                        try await advisor.suggestion(
                            contactID: recommendation.contactID, firstName: nil, churn: risk, recommendation: recommendation, now: now, write: write)
                    )
                }
            }
            for _ in 0..<RetentionAdvisor.concurrency { add() }
            while let (index, suggestion) = try await group.next() {
                views[index].retention = suggestion
                add()
            }
        }
        return views
    }

    /// Pending recommendations as the API showed them before the daily list: all of them, most urgent first.
    public func pending(_ query: RecommendationQuery) async throws -> [RecommendationView] {
        try await pendingViews(filter: query.filter, locale: query.locale)
    }

    /// Accept, dismiss, or snooze until a date: `action` is accept | dismiss | snooze.
    public func decide(recommendationID: String, action: String, until: Date?) async throws -> RecommendationDecisionView {
        let status: RecommendationDecision.Status
        switch action {
        case "accept": status = .accepted
        case "dismiss": status = .dismissed
        case "snooze":
            guard let until, until > dependencies.clock.now() else {
                throw ValidationError(code: "invalid_request", field: "until", message: "is required: a future ISO 8601 date-time to snooze until")
            }
            status = .snoozed(until: until)
        default:
            throw ValidationError(code: "invalid_request", field: "action", message: "\"\(action)\" is not accept, dismiss or snooze")
        }
        let (decision, queued) = try await decideAndSend(recommendationID: recommendationID, status: status)
        return RecommendationDecisionView(decision, queued: queued)
    }

    /// Records a person's decision on a pending recommendation; unknown ids are a 404-style error.
    public func decide(recommendationID: String, status: RecommendationDecision.Status) async throws -> RecommendationDecision {
        try await decideAndSend(recommendationID: recommendationID, status: status).decision
    }

    /// Records the decision; an acceptance first queues the suggested template in the outbox (idempotent by
    /// recommendation, so a crash between the two and a second accept never sends twice).
    func decideAndSend(recommendationID: String, status: RecommendationDecision.Status) async throws -> (
        decision: RecommendationDecision, queued: QueuedFollowUp?
    ) {
        let now = dependencies.clock.now()
        guard let recommendation = try await pendingRecommendations(at: now).first(where: { $0.id == recommendationID }) else {
            throw NotFoundError(what: "recommendation \(recommendationID)")
        }
        var queued: QueuedFollowUp?
        if case .accepted = status {
            queued = try await RecommendationDelivery(store: dependencies.store, tenantID: tenantID).queue(recommendation, now: now)
        }
        let decision = RecommendationDecision(recommendationID: recommendationID, status: status, decidedAt: now)
        try await dependencies.store.saveRecommendationDecision(
            StoredRecommendationDecision(decision, contactID: recommendation.contactID), tenantID: tenantID)
        return (decision, queued)
    }

    /// The nightly job: scores every customer, stores the scores on the contacts, and emits `score.churn_risk_crossed`
    /// for each customer whose churn risk rose above 0.7 since the last scoring. Returns how many crossed. Streamed
    /// (`ScoringPages`): a page of `pageSize` contacts in memory at a time, its scores written before the next is read.
    public func rescore(at: Date? = nil, pageSize: Int = 5_000) async throws -> (scored: Int, crossed: Int) {
        let now = at ?? dependencies.clock.now()
        let pages = ScoringPages(store: dependencies.store, tenantID: tenantID, pageSize: pageSize)
        var scored = 0
        var crossed = 0
        try await pages.scoreAll(scope: .scores, now: now, locale: .french) { data, customers in
            let scores = customers.map {
                ContactScore(
                    contactID: $0.contactID, churnScore: $0.churn.score, churnBand: $0.churn.band.rawValue, rfmSegment: $0.segment.rawValue,
                    clv: $0.lifetime?.clv, probabilityAlive: $0.lifetime?.probabilityAlive,
                    rfm: ($0.rfm.recency, $0.rfm.frequency, $0.rfm.monetary), expectedNextOrderAt: $0.lifetime?.expectedNextOrderDate)
            }
            let events = ChurnCrossings.events(for: customers, data: data, now: now)
            try await ChurnCrossings.record(events, dependencies: dependencies, tenantID: tenantID)
            try await dependencies.store.recordScores(scores, tenantID: tenantID, scoredAt: now)
            scored += scores.count
            crossed += events.count
        }
        return (scored, crossed)
    }

    /// Every customer scored as of `at`, with the recommendations, a page of `pageSize` contacts at a time: `page` hears
    /// each page's scores and recommendations (what `insights` returns all at once). Returns the lifetime-value fit's
    /// warnings.
    public func streamInsights(
        at: Date? = nil, locale: ScoringLocale = .french, pageSize: Int = 5_000,
        page: ([CustomerInsights.CustomerScores], [Recommendation]) async throws -> Void
    ) async throws -> [String] {
        let now = at ?? dependencies.clock.now()
        let pages = ScoringPages(store: dependencies.store, tenantID: tenantID, pageSize: pageSize)
        let insights = CustomerInsights()
        return try await pages.scoreAll(scope: .everything, now: now, locale: locale) { data, customers in
            try await page(customers, insights.recommendations(data, customers: customers, now: now, locale: locale))
        }.warnings
    }
}

/// Something asked for by id that this tenant does not have.
public struct NotFoundError: AutopilotError, CustomStringConvertible {
    public let what: String

    public init(what: String) {
        self.what = what
    }

    public var category: ErrorCategory { .notFound }
    public var code: String { "not_found" }
    public var message: String { "\(what) was not found" }
    public var description: String { message }
}

extension StoredRecommendationDecision {
    init(_ decision: RecommendationDecision, contactID: String?) {
        let until: Date? = if case .snoozed(let date) = decision.status { date } else { nil }
        self.init(
            recommendationID: decision.recommendationID, contactID: contactID, status: decision.status.kind, until: until,
            decidedAt: decision.decidedAt)
    }

    var decision: RecommendationDecision {
        let status: RecommendationDecision.Status =
            switch self.status {
            case .accepted: .accepted
            case .snoozed: .snoozed(until: until ?? decidedAt)
            case .dismissed: .dismissed
            }
        return RecommendationDecision(recommendationID: recommendationID, status: status, decidedAt: decidedAt)
    }
}

/// A person's decision as the API shows it.
public struct RecommendationDecisionView: Sendable, Encodable {
    public var id: String
    public var status: String
    public var until: String?
    public var decidedAt: String
    /// On an accept: the message queued (it leaves through the outbox, under smart sending).
    public var message: QueuedFollowUp?

    init(_ decision: RecommendationDecision, queued: QueuedFollowUp? = nil) {
        id = decision.recommendationID
        status = decision.status.name
        if case .snoozed(let date) = decision.status { until = Timestamp.format(date) }
        decidedAt = Timestamp.format(decision.decidedAt)
        message = queued
    }

    enum CodingKeys: String, CodingKey {
        case id, status, until, message
        case decidedAt = "decided_at"
    }
}
