import Foundation
import Scoring
import Storage

/// A tenant's customers scored a page of contacts at a time, in two passes, so memory holds one page and not the
/// tenant. The first pass reads each page's orders and keeps only each customer's purchase summary without its id (a
/// few dozen bytes a customer) to fit the lifetime-value model on everyone; the second reads each page again, scores it
/// against that model and hands it on, then lets it go.
///
/// RFM here scores against fixed thresholds (`RFMThresholds.standard`) and churn reads the customer's own history, so
/// no other figure of the population is needed: the streamed scores equal the scores of the whole tenant at once.
struct ScoringPages {
    let store: any AutopilotStore
    let tenantID: String
    var pageSize = 5_000

    /// Every customer scored against the lifetime-value model fitted on all of them: `body` hears each page's data (as
    /// `scope` reads it) and scores. A tenant that fits in one page is read once, the model fitted on the orders of that
    /// same read; a larger one takes the two passes. Returns the model.
    @discardableResult
    func scoreAll(
        scope: ScoringScope, now: Date, locale: ScoringLocale, _ body: (ScoringData, [CustomerInsights.CustomerScores]) async throws -> Void
    ) async throws -> LifetimeValueModel {
        guard let first = try await store.contactPage(tenantID: tenantID, after: nil, limit: pageSize) else {
            return LifetimeValueModel.fitInCanonicalOrder([])
        }
        guard first.count < pageSize else {
            let model = try await lifetimeModel(now: now)
            try await forEach(scope: scope, model: model, now: now, locale: locale, body)
            return model
        }
        let data = try await store.scoringData(tenantID: tenantID, ticketsSince: Self.ticketsSince(now), page: first, scope: scope)
        let summaries = CustomerInsights.summaries(data.orders, now: now)
        // The fit and RFM with churn need nothing of each other: the second core fits while this one scores.
        async let fitted = LifetimeValueModel.fitInCanonicalOrder(summaries.map(Self.anonymous))
        var customers = CustomerInsights().churnScores(data, now: now, locale: locale)
        let model = await fitted
        let lifetimes = Dictionary(uniqueKeysWithValues: model.predict(summaries, calibrationEnd: now).map { ($0.customerID, $0) })
        for index in customers.indices { customers[index].lifetime = lifetimes[customers[index].contactID] }
        try await body(data, customers)
        return model
    }

    /// The lifetime-value model fitted on every customer's purchase summary, one page of orders read at a time.
    func lifetimeModel(now: Date) async throws -> LifetimeValueModel {
        var summaries: [CustomerSummary] = []
        var after: String?
        while let page = try await store.contactPage(tenantID: tenantID, after: after, limit: pageSize) {
            summaries += Self.anonymousSummaries(try await store.scoringOrders(tenantID: tenantID, page: page), now: now)
            after = page.last
        }
        return LifetimeValueModel.fitInCanonicalOrder(summaries)
    }

    /// The purchase summaries of `orders`' customers without their ids: what the fit needs, a few dozen bytes each.
    static func anonymousSummaries(_ orders: [ScoringData.Order], now: Date) -> [CustomerSummary] {
        CustomerInsights.summaries(orders, now: now).map(anonymous)
    }

    static func anonymous(_ summary: CustomerSummary) -> CustomerSummary {
        var summary = summary
        summary.customerID = ""
        return summary
    }

    /// Support tickets count for churn over the last 180 days.
    static func ticketsSince(_ now: Date) -> Date { now.addingTimeInterval(-180 * 86_400) }

    /// Calls `body` with each page's data (as `scope` reads it) and its customers' scores against `model`.
    func forEach(
        scope: ScoringScope, model: LifetimeValueModel, now: Date, locale: ScoringLocale,
        _ body: (ScoringData, [CustomerInsights.CustomerScores]) async throws -> Void
    ) async throws {
        var after: String?
        let insights = CustomerInsights()
        while let page = try await store.contactPage(tenantID: tenantID, after: after, limit: pageSize) {
            let data = try await store.scoringData(tenantID: tenantID, ticketsSince: Self.ticketsSince(now), page: page, scope: scope)
            try await body(data, insights.customerScores(data, model: model, now: now, locale: locale))
            after = page.last
        }
    }
}
