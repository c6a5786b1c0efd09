import AutopilotCore
import Decisions
import Foundation
import Scoring
import Storage

/// Scores every customer (RFM, churn risk, lifetime value) and proposes follow-ups, from a tenant's `ScoringData`.
/// Pure: the same data and `now` give the same insights.
public struct CustomerInsights: Sendable {
    public var thresholds = RFMThresholds.standard
    public var churnModel = ChurnRiskModel()
    /// Window for the engagement signals (opens, clicks, tickets): the last 90 days against the 90 before.
    public var engagementWindowDays = 90.0
    /// What the daily list's expected values assume where a contact's numbers are missing (default deal size…).
    public var values = ValuePolicy.standard

    public init() {}

    /// One customer's scores with the numbers they came from.
    public struct CustomerScores: Sendable, Codable {
        public var contactID: String
        public var email: String?
        public var rfm: RFMScore
        public var segment: RFMSegment
        public var churn: ChurnRisk
        public var lifetime: CustomerLifetimeValue?
    }

    public struct Result: Sendable {
        public var customers: [CustomerScores]
        public var lifetimeWarnings: [String]
        public var recommendations: [Recommendation]
    }

    public func compute(_ data: ScoringData, now: Date, locale: ScoringLocale) -> Result {
        let ordersByContact = Dictionary(grouping: data.orders, by: \.contactID)
        let (customers, warnings) = customerScores(data, ordersByContact: ordersByContact, now: now, locale: locale)
        let churnByContact = Dictionary(uniqueKeysWithValues: customers.map { ($0.contactID, ChurnAssessment($0.churn)) })
        var lifetimeValues: [String: (value: Double, predicted: Bool)] = [:]
        for customer in customers {
            if let clv = customer.lifetime?.clv, clv.isFinite {
                lifetimeValues[customer.contactID] = (clv, true)
            } else {
                lifetimeValues[customer.contactID] = ((ordersByContact[customer.contactID] ?? []).reduce(0) { $0 + $1.amount }, false)
            }
        }
        let histories = ContactHistories.make(data, churn: churnByContact, lifetimeValues: lifetimeValues, now: now)
        let recommendations = RecommendationEngine(values: values).recommend(histories, now: now, locale: locale)
        return Result(customers: customers, lifetimeWarnings: warnings, recommendations: recommendations)
    }

    /// Every customer's scores, lifetime value included, without the follow-ups: what the nightly scoring stores (it
    /// needs only `ScoringScope.scores` data).
    public func customerScores(_ data: ScoringData, now: Date, locale: ScoringLocale) -> [CustomerScores] {
        customerScores(data, ordersByContact: Dictionary(grouping: data.orders, by: \.contactID), now: now, locale: locale).customers
    }

    private func customerScores(_ data: ScoringData, ordersByContact: [String: [ScoringData.Order]], now: Date, locale: ScoringLocale) -> (
        customers: [CustomerScores], warnings: [String]
    ) {
        let engagement = EngagementCounts(messages: data.messages, now: now, windowDays: engagementWindowDays)
        let summaries = Self.summaries(data.orders, now: now)
        let model = LifetimeValueModel.fitInCanonicalOrder(summaries)
        let lifetimes = Dictionary(uniqueKeysWithValues: model.predict(summaries, calibrationEnd: now).map { ($0.customerID, $0) })
        let customers = scores(data, ordersByContact: ordersByContact, engagement: engagement, lifetimes: lifetimes, now: now, locale: locale)
        return (customers, model.warnings)
    }

    /// The scores of the customers in `data` (a page of them) with lifetime values from `model`, fitted beforehand on
    /// every customer (`ScoringPages.lifetimeModel`): the same scores as `customerScores` over the whole tenant.
    public func customerScores(_ data: ScoringData, model: LifetimeValueModel, now: Date, locale: ScoringLocale) -> [CustomerScores] {
        let ordersByContact = Dictionary(grouping: data.orders, by: \.contactID)
        let engagement = EngagementCounts(messages: data.messages, now: now, windowDays: engagementWindowDays)
        let summaries = Self.summaries(data.orders, now: now)
        let lifetimes = Dictionary(uniqueKeysWithValues: model.predict(summaries, calibrationEnd: now).map { ($0.customerID, $0) })
        return scores(data, ordersByContact: ordersByContact, engagement: engagement, lifetimes: lifetimes, now: now, locale: locale)
    }

    /// The purchase summaries of the customers of `orders`, as of `now`.
    static func summaries(_ orders: [ScoringData.Order], now: Date) -> [CustomerSummary] {
        let transactions = orders.map { CustomerTransaction(customerID: $0.contactID, date: $0.placedAt, amount: $0.amount) }
        return CustomerSummary.summarize(transactions, calibrationEnd: now)
    }

    /// The recommendations for the contacts of `data` (read with `ScoringScope.everything`) given their `customers`'
    /// scores, as `compute` makes them.
    public func recommendations(_ data: ScoringData, customers: [CustomerScores], now: Date, locale: ScoringLocale) -> [Recommendation] {
        var ordersByContact: [String: Double] = [:]
        for order in data.orders { ordersByContact[order.contactID, default: 0] += order.amount }
        let churn = Dictionary(customers.map { ($0.contactID, ChurnAssessment($0.churn)) }, uniquingKeysWith: { first, _ in first })
        var lifetimeValues: [String: (value: Double, predicted: Bool)] = [:]
        for customer in customers {
            if let clv = customer.lifetime?.clv, clv.isFinite {
                lifetimeValues[customer.contactID] = (clv, true)
            } else {
                lifetimeValues[customer.contactID] = (ordersByContact[customer.contactID] ?? 0, false)
            }
        }
        let histories = ContactHistories.make(data, churn: churn, lifetimeValues: lifetimeValues, now: now)
        return RecommendationEngine(values: values).recommend(histories, now: now, locale: locale)
    }
}

extension CustomerInsights {
    /// RFM and churn risk only, for the customers in `data` (the incremental recompute on order and message events;
    /// lifetime value needs the whole history and is left to the nightly job).
    public func churnScores(_ data: ScoringData, now: Date, locale: ScoringLocale) -> [CustomerScores] {
        let engagement = EngagementCounts(messages: data.messages, now: now, windowDays: engagementWindowDays)
        return scores(
            data, ordersByContact: Dictionary(grouping: data.orders, by: \.contactID), engagement: engagement, lifetimes: [:], now: now,
            locale: locale)
    }

    func scores(
        _ data: ScoringData, ordersByContact: [String: [ScoringData.Order]], engagement: EngagementCounts, lifetimes: [String: CustomerLifetimeValue],
        now: Date, locale: ScoringLocale
    ) -> [CustomerScores] {
        var customers: [CustomerScores] = []
        customers.reserveCapacity(ordersByContact.count)
        for contact in data.contacts {
            guard let orders = ordersByContact[contact.id], !orders.isEmpty else { continue }
            let history = ChurnSignals.orderHistory(orderDates: orders.map(\.placedAt), now: now)
            let measures = RFMMeasures(
                recencyDays: history.daysSinceLastOrder, orderCount: orders.count, totalSpent: orders.reduce(0) { $0 + $1.amount })
            let rfm = thresholds.score(measures)
            let counts = engagement.counts[contact.id] ?? .init()
            let tickets = (data.ticketDates[contact.id] ?? []).count { now.timeIntervalSince($0) <= engagementWindowDays * 86_400 && $0 <= now }
            let signals = ChurnSignals(
                rfm: rfm, daysSinceLastOrder: history.daysSinceLastOrder, usualIntervalDays: history.usualIntervalDays,
                ordersRecent: history.ordersRecent, ordersPrevious: history.ordersPrevious, emailOpensRecent: counts.opensRecent,
                emailOpensPrevious: counts.opensPrevious, emailClicksRecent: counts.clicksRecent, emailClicksPrevious: counts.clicksPrevious,
                supportTicketsRecent: tickets)
            let churn = churnModel.assess(signals, locale: contact.locale.map(ScoringLocale.init(languageTag:)) ?? locale)
            customers.append(
                CustomerScores(
                    contactID: contact.id, email: contact.email, rfm: rfm, segment: RFMSegment(score: rfm), churn: churn,
                    lifetime: lifetimes[contact.id]))
        }
        return customers
    }
}

/// Email opens and clicks per contact in the recent window and the one before.
struct EngagementCounts {
    struct Counts {
        var opensRecent = 0
        var opensPrevious = 0
        var clicksRecent = 0
        var clicksPrevious = 0
    }

    var counts: [String: Counts] = [:]

    init(messages: [MessageRecord], now: Date, windowDays: Double) {
        let window = windowDays * 86_400
        for message in messages where message.channel == .email {
            guard let contact = message.contactID else { continue }
            var entry = counts[contact] ?? Counts()
            if let opened = message.openedAt {
                let age = now.timeIntervalSince(opened)
                if age >= 0, age <= window { entry.opensRecent += 1 } else if age > window, age <= 2 * window { entry.opensPrevious += 1 }
            }
            if let clicked = message.clickedAt {
                let age = now.timeIntervalSince(clicked)
                if age >= 0, age <= window { entry.clicksRecent += 1 } else if age > window, age <= 2 * window { entry.clicksPrevious += 1 }
            }
            counts[contact] = entry
        }
    }
}
