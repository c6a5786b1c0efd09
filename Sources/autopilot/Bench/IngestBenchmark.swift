import AsyncHTTPClient
import AutopilotCore
import DemoShop
import Engine
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle
import Storage

/// `autopilot bench ingest`: the pipeline, HTTP on loopback, and the raw SQLite ceiling, each on a fresh database.
struct IngestBenchmark {
    struct Result: Codable {
        var events: Int
        var pipelineEventsPerSecond: Double
        var httpEventsPerSecond: Double
        var rawCeilingEventsPerSecond: Double
        var pipelineShareOfCeiling: Double
        /// The second reference: every row the pipeline added (events and projections) inserted raw (`RawRowsReplay`).
        var rawRowsEventsPerSecond: Double? = nil
        var pipelineShareOfRawRows: Double? = nil
        /// The pipeline reading, validating and planning batch n+1 while batch n is written (`IngestChain`).
        var overlappedPipelineEventsPerSecond: Double? = nil
        var overlappedShareOfCeiling: Double? = nil
        /// The overlapped pipeline against the same rows inserted raw: what is left of the pipeline's own cost once the rows
        /// it writes are counted.
        var overlappedShareOfRawRows: Double? = nil
        /// Batches of that run written as planned ahead, and planned again in their transaction.
        var overlappedBatchesWrittenAsPlanned: Int? = nil
        var overlappedBatchesPlannedAgain: Int? = nil
        /// Where that run's write transactions spend their time, per batch.
        var overlappedProfile: [String: PostgresBench.IngestFigure.PerBatch]? = nil
        var peakRSSMB: Double
        /// What the pipeline's database spends per event (migration 42's compact events table).
        var storage: EventStorageFigures? = nil
        /// Where the pipeline's time goes, per batch of 1,000 events: each kind of SQLite statement of the write transaction,
        /// deciding its writes (the planner), the whole transaction, and the batch in all (parsing and validating included).
        var pipelineProfile: [String: PostgresBench.IngestFigure.PerBatch]? = nil
        /// With `--database postgres://…`: the pipeline on PostgreSQL, per number of worker processes.
        var postgres: [PostgresBench.IngestFigure]? = nil
        var loadAverage = BenchWorkers.loadAverage()

        enum CodingKeys: String, CodingKey {
            case postgres
            case loadAverage = "load_average"
            case events
            case pipelineEventsPerSecond = "pipeline_events_per_s"
            case httpEventsPerSecond = "http_events_per_s"
            case rawCeilingEventsPerSecond = "raw_ceiling_events_per_s"
            case pipelineShareOfCeiling = "pipeline_share_of_ceiling"
            case rawRowsEventsPerSecond = "raw_rows_events_per_s"
            case pipelineShareOfRawRows = "pipeline_share_of_raw_rows"
            case overlappedPipelineEventsPerSecond = "overlapped_pipeline_events_per_s"
            case overlappedShareOfCeiling = "overlapped_share_of_ceiling"
            case overlappedShareOfRawRows = "overlapped_share_of_raw_rows"
            case overlappedBatchesWrittenAsPlanned = "overlapped_batches_written_as_planned"
            case overlappedBatchesPlannedAgain = "overlapped_batches_planned_again"
            case overlappedProfile = "overlapped_per_batch"
            case peakRSSMB = "peak_rss_mb"
            case storage
            case pipelineProfile = "pipeline_per_batch"
        }
    }

    let events: Int
    let httpEvents: Int
    let batchSize = 1_000
    let directory: URL
    let log: @Sendable (String) -> Void
    let logger = Logger(label: "autopilot.bench")

    func run() async throws -> Result {
        let now = Date()
        let factory = BenchEventFactory(now: now)
        let raw = try await rawCeiling(factory, now: now)
        log(String(format: "raw ceiling: %.0f events/s", raw))
        let (pipeline, profile) = try await pipelineRate(factory)
        log(String(format: "pipeline: %.0f events/s; per batch of %d events:", pipeline, batchSize))
        for line in Self.profileLines(profile) { log(line) }
        let rawRows = try rawRowsRate()
        log(String(format: "the same rows inserted raw (events and projections, %d rows): %.0f events/s", rawRows.rows, rawRows.rate))
        let storage = try await EventStorageFigures.measure(path: directory.appendingPathComponent("pipeline.sqlite").path)
        log("storage: " + storage.line)
        let (overlapped, writtenAsPlanned, plannedAgain, overlappedProfile) = try await overlappedRate(factory)
        log(
            String(
                format: "pipeline, batch n+1 read, validated and planned while batch n is written: %.0f events/s "
                    + "(%d batches written as planned, %d planned again in their transaction); its write transactions, per batch:",
                overlapped, writtenAsPlanned, plannedAgain))
        for line in Self.profileLines(overlappedProfile) { log(line) }
        let http = try await httpRate(factory)
        log(String(format: "HTTP: %.0f events/s", http))
        return Result(
            events: events, pipelineEventsPerSecond: pipeline.rounded(), httpEventsPerSecond: http.rounded(),
            rawCeilingEventsPerSecond: raw.rounded(),
            pipelineShareOfCeiling: (pipeline / raw * 1000).rounded() / 1000,
            rawRowsEventsPerSecond: rawRows.rate.rounded(), pipelineShareOfRawRows: (pipeline / rawRows.rate * 1000).rounded() / 1000,
            overlappedPipelineEventsPerSecond: overlapped.rounded(), overlappedShareOfCeiling: (overlapped / raw * 1000).rounded() / 1000,
            overlappedShareOfRawRows: (overlapped / rawRows.rate * 1000).rounded() / 1000,
            overlappedBatchesWrittenAsPlanned: writtenAsPlanned, overlappedBatchesPlannedAgain: plannedAgain,
            overlappedProfile: overlappedProfile,
            peakRSSMB: (ProcessMemory.peakResidentMB() * 10).rounded() / 10, storage: storage, pipelineProfile: profile)
    }

    private func freshStore(_ name: String, profile: StatementProfile? = nil) async throws -> (SQLStore, String, String) {
        let path = directory.appendingPathComponent("\(name).sqlite").path
        let store = SQLStore(database: try SQLiteDatabase(path: path, profile: profile))
        try await store.migrate(now: Date())
        let dependencies = Dependencies(store: store, logger: logger)
        let tenant = try await TenantService(dependencies: dependencies).create(name: "bench")
        return (store, tenant.tenantID, tenant.apiKey)
    }

    private func rawCeiling(_ factory: BenchEventFactory, now: Date) async throws -> Double {
        let (store, tenantID, _) = try await freshStore("raw")
        let tenantKey = try await store.database.read([
            SQLStatement("SELECT tenant_key FROM tenant_keys WHERE tenant_id = ?", [.text(tenantID)])
        ])[0].first?.int(0) ?? 0
        try await store.database.close()
        let inserter = try RawEventInserter(path: directory.appendingPathComponent("raw.sqlite").path)
        let validator = EventValidator()
        let receivedAt = Int64(now.timeIntervalSince1970 * 1000)
        var elapsed = Duration.zero
        var start = 0
        while start < events {
            let range = start..<min(events, start + batchSize)
            let rows = try range.map { index -> RawEventInserter.Row in
                let event = try validator.validate(factory.envelope(index), now: now)
                return RawEventInserter.Row(
                    tenantKey: tenantKey, id: "ev_bench\(index)", type: event.type.rawValue,
                    occurredAt: Int64(event.occurredAt.timeIntervalSince1970 * 1000),
                    receivedAt: receivedAt, idempotencyKey: event.idempotencyKey, contactID: "ct_bench\(index / 10)",
                    properties: StoredProperties.encode(JSONValue.object(event.properties).jsonString))
            }
            let clock = ContinuousClock.now
            try inserter.insert(rows)
            elapsed += .now - clock
            start = range.upperBound
        }
        return Double(events) / elapsed.seconds
    }

    /// The pipeline's rate, and where its time went per batch (`pipelineProfile`).
    private func pipelineRate(_ factory: BenchEventFactory) async throws -> (Double, [String: PostgresBench.IngestFigure.PerBatch]) {
        let profile = StatementProfile()
        let (store, tenantID, _) = try await freshStore("pipeline", profile: profile)
        profile.reset()  // only the batches, not the tenant's setup
        // The database as it is before the first batch, for the second reference (`rawRowsRate`).
        try await store.database.executeScriptOutsideTransaction("VACUUM INTO '\(rawRowsPath)'")
        let pipeline = IngestPipeline(dependencies: Dependencies(store: store, logger: logger))
        var elapsed = Duration.zero
        var start = 0
        while start < events {
            let range = start..<min(events, start + batchSize)
            let body = factory.requestBody(range)
            let clock = ContinuousClock.now
            let result = try await pipeline.ingest(body: body, tenantID: tenantID)
            elapsed += .now - clock
            guard result.accepted.count == range.count else {
                throw BenchFailure(description: "pipeline accepted \(result.accepted.count) of \(range.count)")
            }
            start = range.upperBound
        }
        try await store.database.close()
        var entries = profile.read()
        entries[Self.wholeBatchKind] = StatementProfile.Entry(count: batches, seconds: elapsed.seconds)
        return (Double(events) / elapsed.seconds, PostgresBench.perBatch(entries, batches: batches))
    }

    /// Batches of `batchSize` events in a run.
    private var batches: Int { (events + batchSize - 1) / batchSize }

    private var rawRowsPath: String { directory.appendingPathComponent("raw-rows.sqlite").path }

    /// Every row the pipeline's run added, inserted raw into the database as it was before the run, in as many
    /// transactions as the run had batches (`RawRowsReplay`): events per second, and the rows inserted.
    private func rawRowsRate() throws -> (rate: Double, rows: Int) {
        let replay = try RawRowsReplay(copy: rawRowsPath, source: directory.appendingPathComponent("pipeline.sqlite").path)
        let elapsed = try replay.insert(transactions: batches)
        return (Double(events) / elapsed.seconds, replay.rowCount)
    }

    /// The profile's name for a batch in all: parsing, validating, the write transaction, and the hops between threads.
    static let wholeBatchKind = "whole batch (parsing and validating included)"

    /// One line per kind, the longest first.
    static func profileLines(_ profile: [String: PostgresBench.IngestFigure.PerBatch]) -> [String] {
        profile.sorted { $0.value.milliseconds > $1.value.milliseconds }.map { kind, entry in
            "  \(kind): " + String(format: "%.2f per batch, %.2f ms per batch", entry.statements, entry.milliseconds)
        }
    }

    /// The same batches through `ingest(bodies:)`, fifty at a time (their bodies made before the clock starts): events per
    /// second, batches written as planned ahead and batches planned again in their transaction.
    private func overlappedRate(_ factory: BenchEventFactory) async throws -> (Double, Int, Int, [String: PostgresBench.IngestFigure.PerBatch]) {
        let profile = StatementProfile()
        let (store, tenantID, _) = try await freshStore("overlapped", profile: profile)
        profile.reset()
        let pipeline = IngestPipeline(dependencies: Dependencies(store: store, logger: logger))
        var elapsed = Duration.zero
        var start = 0
        var writtenAsPlanned = 0
        var plannedAgain = 0
        while start < events {
            let chunk = start..<min(events, start + 50 * batchSize)
            let bodies = stride(from: chunk.lowerBound, to: chunk.upperBound, by: batchSize).map {
                factory.requestBody($0..<min(chunk.upperBound, $0 + batchSize))
            }
            let clock = ContinuousClock.now
            // `ingest(bodies:)`, with its chain at hand for the count of batches written as planned.
            var chain = IngestChain(pipeline: pipeline, tenantID: tenantID)
            let results = try await chain.ingest(bodies: bodies)
            elapsed += .now - clock
            writtenAsPlanned += chain.writtenAsPlanned
            plannedAgain += chain.plannedAgain
            let accepted = results.reduce(0) { $0 + $1.accepted.count }
            guard accepted == chunk.count else { throw BenchFailure(description: "pipeline accepted \(accepted) of \(chunk.count)") }
            start = chunk.upperBound
        }
        try await store.database.close()
        return (Double(events) / elapsed.seconds, writtenAsPlanned, plannedAgain, PostgresBench.perBatch(profile.read(), batches: batches))
    }

    private func httpRate(_ factory: BenchEventFactory) async throws -> Double {
        let (store, _, apiKey) = try await freshStore("http")
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.rateLimitPerSecond = 1_000_000
        configuration.rateLimitBurst = 1_000_000
        let ports = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(
            configuration: configuration, dependencies: Dependencies(store: store, logger: logger), databaseName: "bench",
            onServerRunning: { bound in ports.continuation.yield(bound) })
        // Stopped gracefully once measured: cancelling the server's task made Hummingbird log errors about its channels.
        let services = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let total = httpEvents
        let batches = stride(from: 0, to: total, by: batchSize).map { $0..<min(total, $0 + batchSize) }
        let rate = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = ports.stream.makeAsyncIterator()
            guard let bound = await iterator.next() else { throw BenchFailure(description: "the server did not start") }
            let url = "http://127.0.0.1:\(bound)/v1/events"
            let client = HTTPClient(eventLoopGroupProvider: .singleton)
            let started = ContinuousClock.now
            let connections = 4
            try await withThrowingTaskGroup(of: Void.self) { senders in
                for worker in 0..<connections {
                    senders.addTask {
                        for index in stride(from: worker, to: batches.count, by: connections) {
                            var request = HTTPClientRequest(url: url)
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(bytes: factory.requestBody(batches[index])))
                            let response = try await client.execute(request, timeout: .seconds(60))
                            _ = try await response.body.collect(upTo: 10 << 20)
                            guard response.status == .ok else { throw BenchFailure(description: "HTTP \(response.status.code)") }
                        }
                    }
                }
                try await senders.waitForAll()
            }
            let elapsed = ContinuousClock.now - started
            try await client.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return Double(total) / elapsed.seconds
        }
        try await store.database.close()
        return rate
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
