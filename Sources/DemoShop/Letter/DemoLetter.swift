import AutopilotCore
import Content
import Foundation

/// The demo's report as a one-page letter to the shop owner: what the flows earned against the shop's revenue, what
/// Autopilot did (sent, deferred, held and why), the customers today, and what it proposes for tomorrow. A pure value
/// built from a ``DemoReport``; ``text(in:)`` writes it in French or English, codes only in its last section.
public struct DemoLetter: Sendable, Equatable {
    /// A count under a code (`no_consent`, `very_high`, `opened_no_reply`, a flow id); words come from ``PlainWords``.
    public struct Count: Sendable, Equatable {
        public var code: String
        public var count: Int

        public init(code: String, count: Int) {
            self.code = code
            self.count = count
        }
    }

    /// One flow over the simulated days.
    public struct Flow: Sendable, Equatable {
        public var id: String
        public var runs: Int
        public var sent: Int
        public var deferredThenSent: Int
        public var held: Int
        public var opened: Int
        public var clicked: Int
        public var orders: Int
        public var revenue: Double
    }

    /// A customer worth the most over the model's horizon.
    public struct Customer: Sendable, Equatable {
        public var email: String
        public var expectedSpend: Double
        public var probabilityAlive: Double
        public var segment: String
        public var expectedNextOrder: Date?
    }

    /// A follow-up proposed for approval.
    public struct Proposal: Sendable, Equatable {
        public var contact: String
        public var rule: String
        public var priority: String
        public var reason: String
        public var retention: String?
    }

    public var shopName: String
    public var currency = "EUR"
    public var days: Int
    public var customers: Int
    public var leads: Int
    /// The headline: what the flows' messages brought, against the shop's orders over the same days.
    public var flowOrders: Int
    public var flowRevenue: Double
    public var shopOrders: Int
    public var shopRevenue: Double
    public var followUps: Int
    public var sent: Int
    public var opened: Int
    public var clicked: Int
    public var deferredThenSent: Int
    public var deferredBy: [Count]
    public var held: Int
    public var heldBy: [Count]
    public var endedEarlyBy: [Count]
    public var flows: [Flow]
    public var customersWithOrders: Int
    public var customersWithoutOrders: Int
    /// By segment code, largest first.
    public var segments: [Count]
    /// By churn band code, most severe first (bands without customers left out).
    public var churn: [Count]
    public var mostValuable: [Customer]
    public var lifetimeWarnings: [String]
    public var proposals: Int
    public var proposalsByRule: [Count]
    public var firstProposals: [Proposal]
    /// Where to look further, and how the demo ran (the "Details" section).
    public var databasePath: String
    public var apiKey: String
    public var eventsIngested: Int
    public var ingestSeconds: Double
    public var simulationSeconds: Double
    public var enginePasses: Int

    /// The letter about `report`, whose database is the SQLite file at `databasePath`.
    public init(_ report: DemoReport, databasePath: String, shopName: String = DemoShopConfiguration.shopName) {
        self.shopName = shopName
        days = report.flowDays
        leads = report.summary.leads
        customers = report.summary.contacts - report.summary.leads
        flowOrders = report.flows.map(\.orders).reduce(0, +)
        flowRevenue = Self.cents(report.flows.map(\.revenue).reduce(0, +))
        shopOrders = report.periodOrders
        shopRevenue = report.periodRevenue
        followUps = report.flows.map(\.runs).reduce(0, +)
        sent = report.flows.map(\.sent).reduce(0, +)
        opened = report.flows.map(\.opened).reduce(0, +)
        clicked = report.flows.map(\.clicked).reduce(0, +)
        deferredThenSent = report.flows.map(\.deferredThenSent).reduce(0, +)
        deferredBy = Self.counts(report.flows.map(\.deferredByReason))
        held = report.flows.map(\.held).reduce(0, +)
        heldBy = Self.counts(report.flows.map(\.heldByReason))
        endedEarlyBy = Self.counts(report.flows.map(\.exitedByReason))
        flows = report.flows.map {
            Flow(
                id: $0.flow, runs: $0.runs, sent: $0.sent, deferredThenSent: $0.deferredThenSent, held: $0.held, opened: $0.opened,
                clicked: $0.clicked, orders: $0.orders, revenue: $0.revenue)
        }.sorted { ($0.revenue, $0.sent, $1.id) > ($1.revenue, $1.sent, $0.id) }
        customersWithOrders = report.insights.segmentsByCode.values.reduce(0, +)
        customersWithoutOrders = report.customersWithoutOrders
        segments = Self.counts([report.insights.segmentsByCode])
        churn = PlainWords.churnBandsBySeverity.compactMap { band in
            report.insights.churnBands[band].flatMap { $0 > 0 ? Count(code: band, count: $0) : nil }
        }
        mostValuable = report.insights.topCustomers.map {
            Customer(
                email: $0.email ?? "?", expectedSpend: $0.clv, probabilityAlive: $0.probabilityAlive, segment: $0.segmentCode,
                expectedNextOrder: $0.expectedNextOrder)
        }
        lifetimeWarnings = report.insights.lifetimeWarnings
        proposals = report.insights.recommendationsByRule.values.reduce(0, +)
        proposalsByRule = Self.counts([report.insights.recommendationsByRule])
        firstProposals = report.insights.topRecommendations.map {
            Proposal(contact: $0.contact, rule: $0.rule, priority: $0.priority, reason: $0.reason, retention: $0.retention)
        }
        self.databasePath = databasePath
        apiKey = report.apiKey
        eventsIngested = report.events
        ingestSeconds = report.seconds
        simulationSeconds = report.flowSeconds
        enginePasses = report.flowPasses
    }

    /// Counts summed over several tallies, largest first (ties by code).
    static func counts(_ tallies: [[String: Int]]) -> [Count] {
        var total: [String: Int] = [:]
        for tally in tallies { for (code, count) in tally where count > 0 { total[code, default: 0] += count } }
        return total.map { Count(code: $0.key, count: $0.value) }.sorted { ($0.count, $1.code) > ($1.count, $0.code) }
    }

    static func cents(_ value: Double) -> Double { (value * 100).rounded() / 100 }
}
