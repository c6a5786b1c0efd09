import ArgumentParser
import Decisions
import DemoShop
import Engine
import Foundation
import LLM
import Scoring
import Storage

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Autopilot's speed (use a release build: swift run -c release autopilot bench …).",
        subcommands: [
            Ingest.self, ScoringBench.self, FlowsBench.self, LLMBench.self, DashboardBench.self, AgentBench.self,
            MCPBench.self, VoiceBench.self, VoicePeers.self,
            ChatBench.self, SegmentsBench.self, BroadcastsBench.self, TenantsBench.self, Part.self,
        ])

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ingest throughput: pipeline, HTTP on loopback, and the raw SQLite ceiling.")

        @Option(help: "Events per measurement.") var events = 1_000_000
        @Option(help: "Events sent over HTTP (default: the same as --events).") var httpEvents: Int?
        @Option(help: "Also ingest into PostgreSQL (a scratch database made on this server), beside the SQLite figures: postgres://…")
        var database: String?
        @Option(help: "PostgreSQL: worker processes sharing the database, one measurement per number (e.g. 1,2,4).") var workers = "1"
        @Flag(help: "Print the figures as JSON.") var json = false

        func validate() throws {
            if let database, !(database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")) {
                throw ValidationError("--database: a postgres:// URL (the SQLite figures are always measured)")
            }
            _ = try workerCounts()
        }

        func workerCounts() throws -> [Int] {
            do { return try BenchWorkers.counts(workers) } catch { throw ValidationError("\(error)") }
        }

        func run() async throws {
            guard events >= 1_000 else { throw ValidationError("--events: at least 1000") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let quiet = json
            let benchmark = IngestBenchmark(events: events, httpEvents: httpEvents ?? events, directory: directory) { line in
                if !quiet { print(line) }
            }
            var result = try await benchmark.run()
            if let database {
                var figures: [PostgresBench.IngestFigure] = []
                // One process both ways: batch after batch (beside SQLite's pipeline), then batch n+1 read while batch n
                // is written (beside SQLite's overlapped pipeline).
                let runs = try workerCounts().map { ($0, false) } + (try workerCounts().contains(1) ? [(1, true)] : [])
                for (count, overlapped) in runs {
                    let figure = try await PostgresBench.ingest(url: database, events: events, workers: count, overlapped: overlapped, now: Date())
                    if !quiet {
                        print(
                            "PostgreSQL pipeline, \(BenchWorkers.processes(count))\(overlapped ? ", batch n+1 read and planned while batch n is written" : ""): "
                                + String(
                                    format: "%.0f events/s (%.1f statements per batch of 1,000; %.0f%% of the time waiting for PostgreSQL, %.0f%% on the processor)",
                                    figure.eventsPerSecond, figure.statementsPerBatch, figure.waitingShare * 100, figure.processorShare * 100))
                        for line in figure.profileLines { print(line) }
                    }
                    figures.append(figure)
                }
                result.postgres = figures
            }
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(String(format: "pipeline = %.0f%% of the raw ceiling; peak RSS %.0f MB", result.pipelineShareOfCeiling * 100, result.peakRSSMB))
                if let overlapped = result.overlappedShareOfCeiling {
                    print(String(format: "pipeline with batches overlapped = %.0f%% of the raw ceiling", overlapped * 100))
                }
                if let share = result.pipelineShareOfRawRows {
                    print(String(format: "pipeline = %.0f%% of the same rows inserted raw", share * 100))
                }
                if let share = result.overlappedShareOfRawRows {
                    print(String(format: "pipeline with batches overlapped = %.0f%% of the same rows inserted raw", share * 100))
                }
                for figure in result.postgres ?? [] {
                    if figure.overlapped {
                        let reference = result.overlappedPipelineEventsPerSecond ?? result.pipelineEventsPerSecond
                        print(
                            "PostgreSQL ÷ SQLite pipeline, both with batch n+1 read while batch n is written, 1 process: "
                                + String(format: "%.2f", figure.eventsPerSecond / max(reference, 1)))
                    } else {
                        print(
                            "PostgreSQL ÷ SQLite pipeline, \(BenchWorkers.processes(figure.workers)): "
                                + String(format: "%.2f", figure.eventsPerSecond / max(result.pipelineEventsPerSecond, 1)))
                    }
                }
                print("load average \(BenchWorkers.loadAverage())")
            }
        }
    }

    struct LLMBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "llm",
            abstract:
                "Language-model gateway: calls/s with 64 concurrent requests to a loopback OpenAI-compatible provider, and the gateway's own overhead per call."
        )

        @Option(help: "Calls in the throughput measurement.") var calls = 5_000
        @Option(help: "Requests in flight.") var concurrency = 64
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard calls >= 100 else { throw ValidationError("--calls: at least 100") }
            guard (1...1_024).contains(concurrency) else { throw ValidationError("--concurrency: between 1 and 1024") }
            let result = try await GatewayLoopbackBench(calls: calls, concurrency: concurrency).run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(
                    String(
                        format: "throughput: %.0f calls/s with %d concurrent (%d calls), latency p50 %.2f ms, p99 %.2f ms", result.callsPerSecond,
                        result.concurrency, result.totalCalls, result.latencyP50Milliseconds, result.latencyP99Milliseconds))
                print(
                    String(
                        format: "gateway overhead per call: %.1f µs mean, %.1f µs p99 (target < 1000 µs); %.1f µs by subtraction over HTTP",
                        result.overheadMicroseconds, result.overheadP99Microseconds, result.subtractedOverheadMicroseconds))
                print("calls not answered by the provider: \(result.failedCalls)")
            }
        }
    }

    struct FlowsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "flows", abstract: "Flow engine speed: N waiting runs on SQLite, two timer passes and a full dispatch pass; peak RSS.")

        @Option(help: "Waiting runs.") var runs = 1_000_000
        @Flag(help: "Dispatch through a sender whose repeats would reach people: each outcome is written as it answers, not in groups.")
        var oneByOne = false
        @Option(help: "Also run the timer passes on PostgreSQL (a scratch database made on this server), beside SQLite: postgres://…")
        var database: String?
        @Option(help: "PostgreSQL: worker processes sharing the database, one measurement per number (e.g. 1,2,4).") var workers = "1"
        @Flag(help: "With --database: the same three-step workflow on DBOS Transact (python3 and PyPI dbos) on the same server.")
        var dbos = false
        @Option(help: "DBOS workflows to run (three steps each).") var dbosWorkflows = 2_000
        @Option(help: "The DBOS script.") var dbosScript = "Benchmarks/dbos_flows.py"
        @Flag(help: "Print the figures as JSON.") var json = false

        func validate() throws {
            if let database, !(database.hasPrefix("postgres://") || database.hasPrefix("postgresql://")) {
                throw ValidationError("--database: a postgres:// URL (the SQLite figures are always measured)")
            }
            if dbos && database == nil { throw ValidationError("--dbos: needs --database postgres://… (DBOS runs on PostgreSQL)") }
            guard dbosWorkflows >= 10 else { throw ValidationError("--dbos-workflows: at least 10") }
            _ = try workerCounts()
        }

        func workerCounts() throws -> [Int] {
            do { return try BenchWorkers.counts(workers) } catch { throw ValidationError("\(error)") }
        }

        func run() async throws {
            guard runs >= 100 else { throw ValidationError("--runs: at least 100") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("flows.sqlite").path))
            try await store.migrate(now: Date())
            let quiet = json
            var result = try await FlowBenchmark(runs: runs, store: store, recordsEachSend: oneByOne) { line in if !quiet { print(line) } }.run()
            result.peakRSSMB = ProcessMemory.peakResidentMB()
            if let database {
                try await sideBySide(result, database: database)
                return
            }
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(String(format: "timer pass 1: %d steps, %.0f steps/s", result.timerPass1Steps, result.timerPass1StepsPerSecond))
                print(String(format: "timer pass 2 (send): %d steps, %.0f steps/s", result.timerPass2Steps, result.timerPass2StepsPerSecond))
                print(
                    String(
                        format: "dispatch: %d messages, %.0f/s (%d sent, %d deferred by the frequency cap)", result.messagesDispatched,
                        result.dispatchPerSecond, result.sent, result.deferred))
                print(String(format: "peak RSS %.0f MB", result.peakRSSMB))
            }
        }
    }

    struct ScoringBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scoring",
            abstract: "Scoring speed: RFM + churn (1M), BG/NBD + Gamma-Gamma fit (23,570) and prediction (1M), beside Python lifetimes.")

        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = ScoringBenchmarkRun(directory: directory).run()
            if json {
                try JSONOutput.print(result, pretty: false)
                return
            }
            for benchmark in result.benchmarks {
                print(
                    String(
                        format: "%-22@ %9d customers  %8.3f s  (target < %.0f s)", benchmark.name as NSString, benchmark.customers, benchmark.seconds,
                        benchmark.targetSeconds))
            }
            let decisions = result.recommendations
            print(
                String(
                    format: "%-22@ %9d contacts   %8.3f s  (target < 1 s), %d messages", decisions.name as NSString, decisions.contacts,
                    decisions.seconds, decisions.messages))
            if let seconds = result.lifetimesFitSeconds {
                print(String(format: "python lifetimes fit    %8.3f s  → Autopilot is %.0f× faster", seconds, result.speedupOverLifetimes ?? 0))
            } else {
                print("python lifetimes: \(result.lifetimesSkipped ?? "skipped")")
            }
        }
    }
}
