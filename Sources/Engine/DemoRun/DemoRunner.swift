import AutopilotCore
import Foundation
import Storage

/// What `autopilot demo` did and found.
public struct DemoReport: Sendable, Codable {
    public var tenantID: String
    public var apiKey: String
    public var events: Int
    public var duplicates: Int
    public var seconds: Double
    public var summary: TenantSummary
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
        return DemoReport(tenantID: tenant.tenantID, apiKey: tenant.apiKey, events: accepted, duplicates: duplicates, seconds: seconds, summary: summary)
    }
}
