import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring
import Storage

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
}

/// One flow over the demo's simulated days: runs, messages sent and held back (by reason), what the audience did, and
/// the orders attributed to it.
public struct DemoFlowLine: Sendable, Codable {
    public var flow: String
    public var runs: Int
    public var exitedByReason: [String: Int]
    public var sent: Int
    public var blocked: Int
    public var blockedByReason: [String: Int]
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
        public var segment: String
    }

    public struct Proposal: Sendable, Codable {
        public var contact: String
        public var rule: String
        public var priority: String
        public var reason: String
        /// For a customer at churn risk above 0.5: how to keep them (`RetentionAdvisor`).
        public var retention: String?
    }

    public var segments: [String: Int]
    public var churnBands: [String: Int]
    public var topCustomers: [TopCustomer]
    public var lifetimeWarnings: [String]
    public var recommendationsByRule: [String: Int]
    public var topRecommendations: [Proposal]

    init(_ result: CustomerInsights.Result) {
        segments = Dictionary(grouping: result.customers, by: { $0.segment.name(in: .english) }).mapValues(\.count)
        churnBands = Dictionary(grouping: result.customers, by: { $0.churn.band.rawValue }).mapValues(\.count)
        topCustomers = result.customers.compactMap { customer in
            customer.lifetime.map {
                TopCustomer(
                    email: customer.email, clv: ($0.clv * 100).rounded() / 100, probabilityAlive: $0.probabilityAlive,
                    segment: customer.segment.name(in: .english))
            }
        }.sorted { $0.clv > $1.clv }.prefix(5).map { $0 }
        lifetimeWarnings = result.lifetimeWarnings
        recommendationsByRule = Dictionary(grouping: result.recommendations, by: { $0.rule.rawValue }).mapValues(\.count)
        topRecommendations = result.recommendations.prefix(5).map {
            Proposal(contact: $0.contactEmail ?? $0.contactID, rule: $0.rule.rawValue, priority: $0.priority.rawValue, reason: $0.reason)
        }
    }
}

/// Generates the demo shop and sends it through the same ingest pipeline as the HTTP API.
public struct DemoRunner: Sendable {
    public let dependencies: Dependencies
    public let configuration: DemoShopConfiguration
    public var batchSize = 1_000
    /// The shop's last days are lived through the flows (history before them is imported, never followed up).
    public var flowDays: Int

    public init(dependencies: Dependencies, configuration: DemoShopConfiguration, flowDays: Int = 30) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.flowDays = max(0, min(flowDays, configuration.historyDays))
    }

    /// `progress` hears the number of events ingested; `flowProgress` the day the flow simulation reached.
    public func run(progress: @Sendable (Int) -> Void = { _ in }, flowProgress: @Sendable (Date) -> Void = { _ in }) async throws -> DemoReport {
        let cutoff = configuration.now.addingTimeInterval(-Double(flowDays) * 86_400)
        let clock = ManualClock(cutoff)
        var dependencies = self.dependencies
        dependencies.clock = clock
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Demo boutique")
        let pipeline = IngestPipeline(dependencies: dependencies)
        let started = ContinuousClock.now
        var accepted = 0
        var duplicates = 0
        var recent: [JSONValue] = []
        for batch in DemoShop(configuration).batches(size: batchSize) {
            var history: [JSONValue] = []
            for event in batch {
                let date = event["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantPast
                if date <= cutoff { history.append(event) } else { recent.append(event) }
            }
            guard !history.isEmpty else { continue }
            let result = try await pipeline.ingest(document: ["events": .array(history)], tenantID: tenant.tenantID)
            accepted += result.accepted.count
            duplicates += result.duplicates.count
            progress(accepted + duplicates)
        }
        let seconds = Self.seconds(since: started)
        var flows: [DemoFlowLine] = []
        var passes = 0
        let flowStarted = ContinuousClock.now
        if flowDays > 0 {
            // History is imported, not followed up: the flows start from the present of the simulation.
            let latest = try await dependencies.store.events(EventQuery(limit: 1), tenantID: tenant.tenantID).nextCursor.flatMap(EventCursor.decode)
            if let latest { try await dependencies.store.setFlowCursor(tenantID: tenant.tenantID, name: "router", position: latest) }
            let days = DemoFlowDays(
                dependencies: dependencies, clock: clock, tenantID: tenant.tenantID,
                audience: DemoAudience(seed: configuration.seed, catalog: DemoShop(configuration).catalog))
            let (stats, made) = try await days.run(events: recent, until: configuration.now, progress: flowProgress)
            flows = stats.filter { $0.runs.started + $0.runs.skipped > 0 }.map(DemoFlowLine.init)
            passes = made
        } else {
            for start in stride(from: 0, to: recent.count, by: batchSize) {
                let result = try await pipeline.ingest(
                    document: ["events": .array(Array(recent[start..<min(recent.count, start + batchSize)]))], tenantID: tenant.tenantID)
                accepted += result.accepted.count
                duplicates += result.duplicates.count
            }
        }
        clock.set(configuration.now)
        let summary = try await dependencies.store.summary(tenantID: tenant.tenantID)
        let insights = try await InsightsService(dependencies: dependencies, tenantID: tenant.tenantID).insights(
            at: configuration.now, locale: .english)
        var insightsSummary = InsightsSummary(insights)
        let churn = Dictionary(insights.customers.map { ($0.contactID, $0.churn) }, uniquingKeysWith: { first, _ in first })
        let advisor = RetentionAdvisor(dependencies: dependencies, tenantID: tenant.tenantID)
        for (index, recommendation) in insights.recommendations.prefix(insightsSummary.topRecommendations.count).enumerated() {
            guard let risk = churn[recommendation.contactID] else { continue }
            insightsSummary.topRecommendations[index].retention = try await advisor.suggestion(
                contactID: recommendation.contactID, firstName: nil, churn: risk, recommendation: recommendation, now: configuration.now)?.text
        }
        return DemoReport(
            tenantID: tenant.tenantID, apiKey: tenant.apiKey, events: accepted, duplicates: duplicates, seconds: seconds, summary: summary,
            insights: insightsSummary, flowDays: flowDays, flowSeconds: Self.seconds(since: flowStarted), flowPasses: passes, flows: flows)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
