import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring

/// What `autopilot demo` did and found.
public struct DemoReport: Sendable, Codable {
    public var tenantID: String
    public var apiKey: String
    public var events: Int
    public var duplicates: Int
    public var seconds: Double
    public var summary: TenantSummary
    public var insights: InsightsSummary
    /// The flows over the last `flowDays` days of the shop (0: not run).
    public var flowDays: Int
    public var flowSeconds: Double
    /// Engine passes the simulation made (each: routing, triggers, timers, actions, dispatch).
    public var flowPasses: Int
    public var flows: [DemoFlowLine]
    /// The shop's own orders and revenue over the simulated days (every order placed in them, flows' or not).
    public var periodOrders: Int
    public var periodRevenue: Double
    /// Customers (leads aside) who never ordered: they have no RFM segment, churn risk or lifetime value.
    public var customersWithoutOrders: Int
    /// The language the recommendations' reasons were written in (`en`, `fr`).
    public var language: String
}

/// One flow over the demo's simulated days: runs, messages sent and held back (by reason), what the audience did, and
/// the orders attributed to it.
public struct DemoFlowLine: Sendable, Codable {
    public var flow: String
    public var runs: Int
    public var exitedByReason: [String: Int]
    public var sent: Int
    /// Held back at least once or stopped (`deferredThenSent` included), by the last reason.
    public var blocked: Int
    public var blockedByReason: [String: Int]
    /// Held back, then sent: these are counted in `sent`, not in `held`.
    public var deferredThenSent: Int
    public var deferredByReason: [String: Int]
    /// Never sent (stopped, or still waiting at the end), by the last reason.
    public var held: Int
    public var heldByReason: [String: Int]
    public var opened: Int
    public var clicked: Int
    public var orders: Int
    public var revenue: Double

    init(_ stats: FlowStats) {
        flow = stats.flow
        runs = stats.runs.started
        exitedByReason = stats.runs.exitedByReason
        sent = stats.messages.sent
        blocked = stats.messages.blocked
        blockedByReason = stats.messages.blockedByReason
        deferredThenSent = stats.messages.sentAfterHold
        deferredByReason = stats.messages.sentAfterHoldByReason
        held = stats.messages.blocked - stats.messages.sentAfterHold
        heldByReason = [:]
        for (reason, count) in stats.messages.blockedByReason {
            let left = count - (stats.messages.sentAfterHoldByReason[reason] ?? 0)
            if left > 0 { heldByReason[reason] = left }
        }
        opened = stats.messages.opened
        clicked = stats.messages.clicked
        orders = stats.attributed.orders
        revenue = (stats.attributed.revenue.values.reduce(0, +) * 100).rounded() / 100
    }
}

/// The scoring part of the demo report: segments, churn, the most valuable customers, today's top follow-ups.
public struct InsightsSummary: Sendable, Codable {
    public struct TopCustomer: Sendable, Codable {
        public var email: String?
        public var clv: Double
        public var probabilityAlive: Double
        /// The segment's English name (`segmentCode`: its code).
        public var segment: String
        public var segmentCode: String
        public var expectedNextOrder: Date?
    }

    public struct Proposal: Sendable, Codable {
        public var contact: String
        public var rule: String
        public var priority: String
        public var reason: String
        /// For a customer at churn risk above 0.5: how to keep them (`RetentionAdvisor`).
        public var retention: String?
    }

    /// Customers by RFM segment, by English name (`segmentsByCode`: by code, `potential_loyalist`).
    public var segments: [String: Int]
    public var segmentsByCode: [String: Int]
    /// Customers by churn band code (`very_high`).
    public var churnBands: [String: Int]
    public var topCustomers: [TopCustomer]
    public var lifetimeWarnings: [String]
    public var recommendationsByRule: [String: Int]
    public var topRecommendations: [Proposal]

    init(_ result: CustomerInsights.Result) {
        segments = Dictionary(grouping: result.customers, by: { $0.segment.name(in: .english) }).mapValues(\.count)
        segmentsByCode = Dictionary(grouping: result.customers, by: { $0.segment.rawValue }).mapValues(\.count)
        churnBands = Dictionary(grouping: result.customers, by: { $0.churn.band.rawValue }).mapValues(\.count)
        topCustomers = result.customers.compactMap { customer in
            customer.lifetime.map {
                TopCustomer(
                    email: customer.email, clv: ($0.clv * 100).rounded() / 100, probabilityAlive: $0.probabilityAlive,
                    segment: customer.segment.name(in: .english), segmentCode: customer.segment.rawValue,
                    expectedNextOrder: $0.expectedNextOrderDate)
            }
        }.sorted { $0.clv > $1.clv }.prefix(5).map { $0 }
        lifetimeWarnings = result.lifetimeWarnings
        recommendationsByRule = Dictionary(grouping: result.recommendations, by: { $0.rule.rawValue }).mapValues(\.count)
        topRecommendations = result.recommendations.prefix(5).map {
            Proposal(contact: $0.contactEmail ?? $0.contactID, rule: $0.rule.rawValue, priority: $0.priority.rawValue, reason: $0.reason)
        }
    }
}
