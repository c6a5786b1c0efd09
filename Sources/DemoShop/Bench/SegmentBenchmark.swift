import AutopilotCore
import Engine
import Foundation
import Storage

/// `autopilot bench segments`: N contacts on SQLite with three saved segments (fields, history, attributes), one of them
/// ("recent") listened to by a flow, so its entries and exits are announced as events; the silent fill; then events
/// ingested alone (the baseline) and events ingested with the segments kept current for the contacts they touch; beside
/// the raw insert rate of the same database.
public struct SegmentBenchmark: Sendable {
    public let contacts: Int
    public let events: Int
    public let store: SQLStore
    public let report: @Sendable (String) -> Void

    public init(contacts: Int, events: Int, store: SQLStore, report: @escaping @Sendable (String) -> Void) {
        self.contacts = contacts
        self.events = events
        self.store = store
        self.report = report
    }

    public func run() async throws -> SegmentBenchmarkResult {
        let start = Timestamp.parse("2026-03-03T10:00:00Z") ?? Date()
        let clock = ManualClock(start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 5))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "bench").tenantID
        var result = SegmentBenchmarkResult(contacts: contacts, events: events)
        result.rawInsertsPerSecond = try await BenchBaseline.rawInsertRate(store: store, rows: min(contacts, 200_000))
        report(String(format: "baseline: raw inserts %.0f rows/s", result.rawInsertsPerSecond))

        report("setting up \(contacts) contacts…")
        let pipeline = IngestPipeline(dependencies: dependencies)
        let setupStarted = ContinuousClock.now
        for first in stride(from: 0, to: contacts, by: 1_000) {
            let batch = (first..<min(contacts, first + 1_000)).map { index -> JSONValue in
                [
                    "type": "contact.created", "occurred_at": .string(Timestamp.format(start.addingTimeInterval(-86_400))),
                    "idempotency_key": .string("c\(index)"), "contact": ["email": .string("c\(index)@bench.example")],
                    "properties": ["consents": ["email": true], "attributes": ["plan": .string(index % 10 == 0 ? "gold" : "basic")]],
                ]
            }
            _ = try await pipeline.ingest(document: .object(["events": .array(batch)]), tenantID: tenantID)
        }
        result.setupContactsPerSecond = Double(contacts) / FlowBenchmark.seconds(since: setupStarted)

        let segments = SegmentService(dependencies: dependencies)
        _ = try await segments.save(id: "spenders", name: "Spenders", condition: "contact.total_spent >= 100", tenantID: tenantID)
        _ = try await segments.save(id: "recent", name: "Ordered in 90 days", condition: "history.days_since_order <= 90", tenantID: tenantID)
        _ = try await segments.save(id: "gold", name: "Gold", condition: "contact.attributes.plan == 'gold' and contact.consents.email", tenantID: tenantID)
        _ = try await FlowAdministration(dependencies: dependencies, tenantID: tenantID).install(document: Self.listeningFlow)
        report("filling 3 segments over \(contacts) contacts…")
        let fillStarted = ContinuousClock.now
        try await segments.refresh(tenantID: tenantID, now: start)
        result.fillContactsPerSecond = Double(contacts * 3) / FlowBenchmark.seconds(since: fillStarted)

        func orders(_ offset: Int) -> [JSONValue] {
            (0..<events).map { index -> JSONValue in
                let contact = (index * 7_919 + offset) % contacts
                return [
                    "type": "order.placed", "occurred_at": .string(Timestamp.format(start.addingTimeInterval(Double(index)))),
                    "idempotency_key": .string("o\(offset)-\(index)"), "contact": ["email": .string("c\(contact)@bench.example")],
                    "properties": [
                        "order_id": .string("O\(offset)-\(index)"), "lines": [["sku": "TEA", "quantity": 1, "price": 120.0]], "total": 120.0,
                        "currency": "EUR",
                    ],
                ]
            }
        }
        report("baseline: \(events) orders ingested, segments not read…")
        let baseline = orders(1)
        let baselineStarted = ContinuousClock.now
        for first in stride(from: 0, to: events, by: 1_000) {
            _ = try await pipeline.ingest(document: .object(["events": .array(Array(baseline[first..<min(events, first + 1_000)]))]), tenantID: tenantID)
        }
        result.ingestOnlyEventsPerSecond = Double(events) / FlowBenchmark.seconds(since: baselineStarted)
        // The baseline's events are the keeper's too: they are brought up to date first, out of the measurement.
        try await segments.refresh(tenantID: tenantID, now: start.addingTimeInterval(3_600))

        report("\(events) orders ingested, each batch followed by the segments kept current…")
        let measured = orders(2)
        var refreshSeconds = 0.0
        var announced = 0
        let measuredStarted = ContinuousClock.now
        for first in stride(from: 0, to: events, by: 1_000) {
            _ = try await pipeline.ingest(document: .object(["events": .array(Array(measured[first..<min(events, first + 1_000)]))]), tenantID: tenantID)
            let refreshStarted = ContinuousClock.now
            announced += try await segments.refresh(tenantID: tenantID, now: start.addingTimeInterval(3_600))
            refreshSeconds += FlowBenchmark.seconds(since: refreshStarted)
        }
        let total = FlowBenchmark.seconds(since: measuredStarted)
        result.ingestWithSegmentsEventsPerSecond = Double(events) / total
        result.segmentUpdatesPerSecond = Double(events) / refreshSeconds
        result.announcements = announced
        let counts = try await segments.list(tenantID: tenantID).reduce(into: [String: Int]()) { $0[$1.id] = $1.members }
        result.members = counts
        return result
    }
}

extension SegmentBenchmark {
    /// A flow on entering "recent": that segment's entries are announced (the others' are not, no flow listens to them).
    static let listeningFlow = """
        id: recent-buyer
        name: Recent buyer
        trigger: { event: segment.entered, where: event.segment_id == "recent" }
        steps:
          - notify: { channel: log, message: "{{contact.email}} ordered" }
        """
}

/// The figures of `autopilot bench segments`.
public struct SegmentBenchmarkResult: Sendable, Codable {
    public var contacts: Int
    public var events: Int
    /// Rows a second into a plain table of the same database, 1,000 per transaction: the ceiling.
    public var rawInsertsPerSecond = 0.0
    public var setupContactsPerSecond = 0.0
    /// Contact × segment evaluations a second while the three new segments fill.
    public var fillContactsPerSecond = 0.0
    /// Orders a second through the pipeline alone.
    public var ingestOnlyEventsPerSecond = 0.0
    /// Orders a second through the pipeline, each batch followed by the segment refresh of the contacts it touched.
    public var ingestWithSegmentsEventsPerSecond = 0.0
    /// Events a second the refresh alone keeps up with (touched contacts re-evaluated against every segment).
    public var segmentUpdatesPerSecond = 0.0
    public var announcements = 0
    public var members: [String: Int] = [:]
    public var peakRSSMB = 0.0
}

/// The in-run ceiling the benchmarks compare with: rows into a plain table of the same database.
public enum BenchBaseline {
    public static func rawInsertRate(store: SQLStore, rows: Int) async throws -> Double {
        try await store.database.executeScript(["CREATE TABLE IF NOT EXISTS bench_raw (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, contact_id TEXT NOT NULL, body TEXT NOT NULL)"])
        let started = ContinuousClock.now
        for first in stride(from: 0, to: rows, by: 1_000) {
            let values = (first..<min(rows, first + 1_000)).map { index -> [SQLValue] in
                [.text("r\(index)"), .text("bench"), .text("ct\(index)"), .text("{\"segment\":\"gold\",\"at\":\(index)}")]
            }
            try await store.database.transaction(lock: nil, reads: []) { _ in
                ([.insert(table: "bench_raw", columns: ["id", "tenant_id", "contact_id", "body"], rows: values, conflict: "")], ())
            }
        }
        let rate = Double(rows) / FlowBenchmark.seconds(since: started)
        try await store.database.executeScript(["DROP TABLE bench_raw"])
        return rate
    }
}
