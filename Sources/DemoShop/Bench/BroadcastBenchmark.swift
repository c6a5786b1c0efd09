import AutopilotCore
import Channels
import Engine
import Foundation
import Storage

/// `autopilot bench broadcasts`: a broadcast to a segment of N contacts on SQLite, queued (a page of 1,000 members per
/// transaction) and dispatched through the smart-sending policy, the renderer and a sender that accepts everything;
/// beside the raw insert rate of the same database.
public struct BroadcastBenchmark: Sendable {
    public let contacts: Int
    public let store: SQLStore
    public let report: @Sendable (String) -> Void

    public init(contacts: Int, store: SQLStore, report: @escaping @Sendable (String) -> Void) {
        self.contacts = contacts
        self.store = store
        self.report = report
    }

    public func run() async throws -> BroadcastBenchmarkResult {
        let start = Timestamp.parse("2026-03-03T10:00:00Z") ?? Date()
        let clock = ManualClock(start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 9))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "bench").tenantID
        var result = BroadcastBenchmarkResult(contacts: contacts)
        result.rawInsertsPerSecond = try await BenchBaseline.rawInsertRate(store: store, rows: contacts)
        report(String(format: "baseline: raw inserts %.0f rows/s", result.rawInsertsPerSecond))

        report("setting up \(contacts) contacts and their segment…")
        let pipeline = IngestPipeline(dependencies: dependencies)
        for first in stride(from: 0, to: contacts, by: 1_000) {
            let batch = (first..<min(contacts, first + 1_000)).map { index -> JSONValue in
                [
                    "type": "contact.created", "occurred_at": .string(Timestamp.format(start.addingTimeInterval(-86_400))),
                    "idempotency_key": .string("c\(index)"), "contact": ["email": .string("c\(index)@bench.example")],
                    "properties": ["first_name": "Alex", "locale": .string(index % 2 == 0 ? "fr" : "en"), "consents": ["email": true]],
                ]
            }
            _ = try await pipeline.ingest(document: .object(["events": .array(batch)]), tenantID: tenantID)
        }
        let segments = SegmentService(dependencies: dependencies)
        _ = try await segments.save(id: "everyone", name: "Everyone", condition: "contact.consents.email == true", tenantID: tenantID)
        try await segments.refresh(tenantID: tenantID, now: start)

        let broadcasts = BroadcastService(dependencies: dependencies)
        _ = try await broadcasts.create(
            ["id": "bench", "name": "Bench", "segment": "everyone", "template": "win-back-1", "subject": "News from the shop"], tenantID: tenantID)
        report("queueing the broadcast to \(contacts) contacts…")
        let queueStarted = ContinuousClock.now
        try await broadcasts.advance(tenantID: tenantID, now: start)
        result.queuePerSecond = Double(contacts) / FlowBenchmark.seconds(since: queueStarted)

        var settings = FlowEngineSettings()
        settings.batchSize = 2_000
        let worker = try Worker(
            dependencies: dependencies, configuration: WorkerConfiguration(settings: settings, senders: SenderDirectory(default: AcceptingSender(toleratesRepeats: true))))
        report("dispatching…")
        let dispatchStarted = ContinuousClock.now
        var dispatched = 0
        while true {
            let count = try await worker.dispatcher.dispatchBatch(now: start)
            dispatched += count
            if count == 0 { break }
        }
        result.dispatchPerSecond = Double(dispatched) / FlowBenchmark.seconds(since: dispatchStarted)
        result.dispatched = dispatched
        let shown = try await broadcasts.broadcast(id: "bench", tenantID: tenantID)
        result.sent = shown?.report.total.sent ?? 0
        result.held = (shown?.report.total.blocked ?? 0) + (shown?.report.total.skipped ?? 0)
        return result
    }
}

/// The figures of `autopilot bench broadcasts`.
public struct BroadcastBenchmarkResult: Sendable, Codable {
    public var contacts: Int
    public var rawInsertsPerSecond = 0.0
    /// Messages a second into the outbox (members read, planned, inserted with the broadcast's position).
    public var queuePerSecond = 0.0
    /// Messages a second through the dispatcher: claimed, smart sending, rendered, sent, recorded.
    public var dispatchPerSecond = 0.0
    public var dispatched = 0
    public var sent = 0
    public var held = 0
    public var peakRSSMB = 0.0
}
