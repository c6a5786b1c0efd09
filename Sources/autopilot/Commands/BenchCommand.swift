import ArgumentParser
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure Autopilot's speed (use a release build: swift run -c release autopilot bench …).",
        subcommands: [Ingest.self])

    struct Ingest: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Ingest throughput: pipeline, HTTP on loopback, and the raw SQLite ceiling.")

        @Option(help: "Events per measurement.") var events = 1_000_000
        @Option(help: "Events sent over HTTP (default: the same as --events).") var httpEvents: Int?
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard events >= 1_000 else { throw ValidationError("--events: at least 1000") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let quiet = json
            let benchmark = IngestBenchmark(events: events, httpEvents: httpEvents ?? events, directory: directory) { line in
                if !quiet { print(line) }
            }
            let result = try await benchmark.run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(String(format: "pipeline = %.0f%% of the raw ceiling; peak RSS %.0f MB", result.pipelineShareOfCeiling * 100, result.peakRSSMB))
            }
        }
    }
}
