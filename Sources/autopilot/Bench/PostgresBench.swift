import AutopilotCore
import DemoShop
import Engine
import Foundation
import Logging
import Storage

/// The PostgreSQL side of `bench ingest` and `bench flows`: a scratch database on the given server for each measurement,
/// N worker processes sharing it, and the statements they sent.
enum PostgresBench {
    /// PostgreSQL ingest with some number of worker processes.
    struct IngestFigure: Codable, Sendable {
        var workers: Int
        /// Each process reads and validates batch n+1 while batch n is written (`IngestPipeline.ingest(bodies:)`), as
        /// the SQLite figure "batch n+1 read while batch n is written" does.
        var overlapped = false
        var events: Int
        var eventsPerSecond: Double
        var statementsPerBatch: Double
        /// The share of the workers' time spent waiting for PostgreSQL's answers.
        var waitingShare: Double
        /// The workers' processor time as a share of their time.
        var processorShare: Double
        /// Per batch of 1,000 events, by kind of statement: how many were sent and the milliseconds waited for them.
        var perBatch: [String: PerBatch] = [:]

        struct PerBatch: Codable, Sendable {
            var statements: Double
            var milliseconds: Double
        }

        enum CodingKeys: String, CodingKey {
            case workers, events, overlapped
            case eventsPerSecond = "events_per_s"
            case statementsPerBatch = "statements_per_batch"
            case waitingShare = "waiting_share"
            case processorShare = "processor_share"
            case perBatch = "per_batch"
        }

        /// One line per kind of statement, the longest wait first.
        var profileLines: [String] { IngestBenchmark.profileLines(perBatch) }
    }

    /// PostgreSQL flow steps (the two timer passes of `bench flows`) with some number of worker processes.
    struct FlowFigure: Codable, Sendable {
        var workers: Int
        var runs: Int
        var steps: Int
        var stepsPerSecond: Double
        var timerPass1StepsPerSecond: Double
        var timerPass2StepsPerSecond: Double
        var statementsPerStep: Double
        /// Every run stepped exactly once in each pass, and one message queued per run (no step taken twice).
        var eachStepOnce: Bool
        /// The share of the workers' time spent waiting for PostgreSQL's answers.
        var waitingShare: Double
        /// The workers' processor time as a share of their time.
        var processorShare: Double

        enum CodingKeys: String, CodingKey {
            case workers, runs, steps
            case stepsPerSecond = "steps_per_s"
            case timerPass1StepsPerSecond = "timer_pass1_steps_per_s"
            case timerPass2StepsPerSecond = "timer_pass2_steps_per_s"
            case statementsPerStep = "statements_per_step"
            case eachStepOnce = "each_step_once"
            case waitingShare = "waiting_share"
            case processorShare = "processor_share"
        }
    }

    static let logger = Logger(label: "autopilot.bench")

    /// A new database on the server of `url`, migrated, for `body`; dropped afterwards.
    static func withScratchDatabase<Result: Sendable>(_ url: String, _ body: (_ url: String) async throws -> Result) async throws -> Result {
        guard var components = URLComponents(string: url) else { throw BenchFailure(description: "--database: not a postgres:// URL") }
        let name = "autopilot_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(12)
        try await DatabaseConfiguration.postgres(url: url).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        let scratch = components.string ?? url
        do {
            try await DatabaseConfiguration.postgres(url: scratch).withStore(logger: logger) { store in try await store.migrate(now: Date()) }
            let result = try await body(scratch)
            try await drop(name, server: url)
            return result
        } catch {
            try? await drop(name, server: url)
            throw error
        }
    }

    static func drop(_ name: String, server url: String) async throws {
        try await DatabaseConfiguration.postgres(url: url).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
        }
    }

    /// `events` events through the ingest pipeline by `workers` processes (each a contiguous share, in batches of 1,000).
    static func ingest(url: String, events: Int, workers: Int, overlapped: Bool = false, now: Date) async throws -> IngestFigure {
        try await withScratchDatabase(url) { scratch in
            let tenantID = try await DatabaseConfiguration.postgres(url: scratch).withStore(logger: logger) { store in
                try await TenantService(dependencies: Dependencies(store: store, logger: logger)).create(name: "bench").tenantID
            }
            let batches = (events + 999) / 1_000
            let milliseconds = Int64((now.timeIntervalSince1970 * 1000).rounded())
            let lists = (0..<workers).compactMap { worker -> [String]? in
                let first = batches * worker / workers * 1_000
                let last = min(events, batches * (worker + 1) / workers * 1_000)
                guard last > first else { return nil }
                return [
                    "--database", scratch, "--role", "ingest", "--tenant", tenantID, "--now", "\(milliseconds)", "--first", "\(first)", "--count",
                    "\(last - first)",
                ] + (overlapped ? ["--overlapped"] : [])
            }
            let outcome = try await BenchWorkers.run(lists)
            guard outcome.done == events else { throw BenchFailure(description: "PostgreSQL ingest accepted \(outcome.done) of \(events) events") }
            return IngestFigure(
                workers: workers, overlapped: overlapped, events: events, eventsPerSecond: (Double(events) / outcome.seconds).rounded(),
                statementsPerBatch: (Double(outcome.statements) / Double(batches) * 10).rounded() / 10, waitingShare: outcome.waitingShare,
                processorShare: outcome.processorShare,
                perBatch: perBatch(outcome.profile, batches: batches))
        }
    }

    /// The statements of `batches` batches by kind, as counts and milliseconds per batch.
    static func perBatch(_ profile: [String: StatementProfile.Entry], batches: Int) -> [String: IngestFigure.PerBatch] {
        let count = Double(max(batches, 1))
        return profile.mapValues { entry in
            let statements: Double = (Double(entry.count) / count * 100).rounded() / 100
            let milliseconds: Double = (entry.seconds * 1000 / count * 100).rounded() / 100
            return IngestFigure.PerBatch(statements: statements, milliseconds: milliseconds)
        }
    }

    /// `runs` waiting runs of the abandoned-cart flow, then its two timer passes by `workers` processes.
    static func flows(url: String, runs: Int, workers: Int, report: @Sendable (String) -> Void) async throws -> FlowFigure {
        try await withScratchDatabase(url) { scratch in
            try await DatabaseConfiguration.postgres(url: scratch).withStore(logger: logger) { store in
                report("PostgreSQL, \(workers) worker process\(workers == 1 ? "" : "es"): setting up \(runs) waiting runs…")
                let tenantID = try await FlowBenchmark(runs: runs, store: store) { _ in }.prepare()
                var rates: [Double] = []
                var steps = 0
                var statements = 0
                var seconds = 0.0
                var eachOnce = true
                var outcomes: [BenchWorkers.Outcome] = []
                for pass in FlowBenchmark.passes.indices {
                    let lists = (0..<workers).map { _ in ["--database", scratch, "--role", "timers", "--tenant", tenantID, "--pass", "\(pass)"] }
                    let outcome = try await BenchWorkers.run(lists)
                    outcomes.append(outcome)
                    rates.append(Double(outcome.done) / outcome.seconds)
                    steps += outcome.done
                    statements += outcome.statements
                    seconds += outcome.seconds
                    if outcome.done != runs { eachOnce = false }
                }
                let queued = try await store.outboxStatusCounts(tenantID: tenantID).values.reduce(0, +)
                if queued != runs { eachOnce = false }
                return FlowFigure(
                    workers: workers, runs: runs, steps: steps, stepsPerSecond: (Double(steps) / seconds).rounded(),
                    timerPass1StepsPerSecond: rates[0].rounded(), timerPass2StepsPerSecond: rates[1].rounded(),
                    statementsPerStep: (Double(statements) / Double(max(steps, 1)) * 1000).rounded() / 1000, eachStepOnce: eachOnce,
                    waitingShare: BenchWorkers.Outcome(parts: outcomes.flatMap(\.parts), seconds: seconds).waitingShare,
                    processorShare: BenchWorkers.Outcome(parts: outcomes.flatMap(\.parts), seconds: seconds).processorShare)
            }
        }
    }
}
