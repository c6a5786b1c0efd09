import AutopilotCore
import Decisions
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
            customer.lifetime.map { TopCustomer(email: customer.email, clv: ($0.clv * 100).rounded() / 100, probabilityAlive: $0.probabilityAlive, segment: customer.segment.name(in: .english)) }
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

    public init(dependencies: Dependencies, configuration: DemoShopConfiguration) {
        self.dependencies = dependencies
        self.configuration = configuration
    }

    public func run(progress: @Sendable (Int) -> Void = { _ in }) async throws -> DemoReport {
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Demo boutique")
        let pipeline = IngestPipeline(dependencies: dependencies)
        let started = ContinuousClock.now
        var accepted = 0
        var duplicates = 0
        for batch in DemoShop(configuration).batches(size: batchSize) {
            let result = try await pipeline.ingest(document: ["events": .array(batch)], tenantID: tenant.tenantID)
            accepted += result.accepted.count
            duplicates += result.duplicates.count
            progress(accepted + duplicates)
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let summary = try await dependencies.store.summary(tenantID: tenant.tenantID)
        let insights = try await InsightsService(dependencies: dependencies, tenantID: tenant.tenantID).insights(at: configuration.now, locale: .english)
        return DemoReport(
            tenantID: tenant.tenantID, apiKey: tenant.apiKey, events: accepted, duplicates: duplicates, seconds: seconds, summary: summary,
            insights: InsightsSummary(insights))
    }
}
