import AutopilotCore
import Decisions
import Engine
import Foundation
import Scoring
import Storage

/// Generates the demo shop and sends it through the same ingest pipeline as the HTTP API.
public struct DemoRunner: Sendable {
    public let dependencies: Dependencies
    public let configuration: DemoShopConfiguration
    /// Events per transaction of the import. Larger batches write each index page the batch touches once for more events:
    /// on the 100,000-customer shop (release), 2,000 took the import from 81 to 74 s and 4,000 to 65 s, but peak memory
    /// went from 329 to 425 and 630 MB (the pages a batch changes stay in memory until it commits).
    public var batchSize = 2_000
    /// The shop's last days are lived through the flows (history before them is imported, never followed up).
    public var flowDays: Int
    /// The language the recommendations' reasons are written in.
    public var language: ScoringLocale

    public init(dependencies: Dependencies, configuration: DemoShopConfiguration, flowDays: Int = 30, language: ScoringLocale = .english) {
        self.dependencies = dependencies
        self.configuration = configuration
        self.flowDays = max(0, min(flowDays, configuration.historyDays))
        self.language = language
    }

    /// `progress` hears the number of events ingested; `flowProgress` the day the flow simulation reached.
    public func run(progress: @Sendable (Int) -> Void = { _ in }, flowProgress: @Sendable (Date) -> Void = { _ in }) async throws -> DemoReport {
        let cutoff = configuration.now.addingTimeInterval(-Double(flowDays) * 86_400)
        let clock = ManualClock(cutoff)
        var dependencies = self.dependencies
        dependencies.clock = clock
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Demo boutique")
        var pipeline = IngestPipeline(dependencies: dependencies)
        // The demo's own batches, not requests: they may hold more than a request's 1,000 events.
        pipeline.reader.maximumBatch = max(batchSize, pipeline.reader.maximumBatch)
        let started = ContinuousClock.now
        var accepted = 0
        var duplicates = 0
        var recent: [JSONValue] = []
        // A batch is made, checked and planned while the one before is written: both cores at work, the batches in order.
        var chain = IngestChain(pipeline: pipeline, tenantID: tenant.tenantID)
        func importHistory() async throws {
            for batch in DemoShop(configuration).batches(size: batchSize) {
                var history: [JSONValue] = []
                for event in batch {
                    let date = event["occurred_at"]?.stringValue.flatMap(Timestamp.parse) ?? .distantPast
                    if date <= cutoff { history.append(event) } else { recent.append(event) }
                }
                guard !history.isEmpty else { continue }
                let events = try pipeline.reader.read(["events": .array(history)], now: clock.now())
                if let result = try await chain.add(events) { count(result) }
            }
            if let result = try await chain.finish() { count(result) }
        }
        func count(_ result: IngestResult) {
            accepted += result.accepted.count
            duplicates += result.duplicates.count
            progress(accepted + duplicates)
        }
        // The history goes into a new file in one go: SQLite is tuned for that while it lasts (`bulkLoadIntoNewFile`).
        if let store = dependencies.store as? SQLStore {
            try await store.bulkLoading(.bulkLoadIntoNewFile) {
                do {
                    try await importHistory()
                } catch {
                    // The batch being written ends before the writer is tuned back.
                    _ = try? await chain.finish()
                    throw error
                }
            }
        } else {
            try await importHistory()
        }
        let seconds = Self.seconds(since: started)
        let before = try await dependencies.store.summary(tenantID: tenant.tenantID)
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
        // Scored a page of customers at a time: a million customers fit in bounded memory.
        var tally = InsightsTally()
        let warnings = try await InsightsService(dependencies: dependencies, tenantID: tenant.tenantID).streamInsights(
            at: configuration.now, locale: language
        ) { page, recommendations in tally.add(page, recommendations: recommendations) }
        var insightsSummary = InsightsSummary(tally, lifetimeWarnings: warnings)
        let advisor = RetentionAdvisor(dependencies: dependencies, tenantID: tenant.tenantID)
        for (index, recommendation) in tally.topRecommendations.enumerated() {
            guard let risk = tally.churnOfTop[recommendation.contactID] else { continue }
            insightsSummary.topRecommendations[index].retention = try await advisor.suggestion(
                contactID: recommendation.contactID, firstName: nil, churn: risk, recommendation: recommendation, now: configuration.now)?.text
        }
        return DemoReport(
            tenantID: tenant.tenantID, apiKey: tenant.apiKey, events: accepted, duplicates: duplicates, seconds: seconds, summary: summary,
            insights: insightsSummary, flowDays: flowDays, flowSeconds: Self.seconds(since: flowStarted), flowPasses: passes, flows: flows,
            periodOrders: summary.orders - before.orders, periodRevenue: ((summary.revenue - before.revenue) * 100).rounded() / 100,
            customersWithoutOrders: max(0, summary.contacts - summary.leads - tally.customers), language: language.rawValue)
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
