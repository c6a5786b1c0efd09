import ArgumentParser
import Foundation

extension BenchCommand {
    struct MCPBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "mcp",
            abstract: "MCP tool calls per second over streamable HTTP on loopback, against GET /health on the same server as the baseline.")

        @Option(help: "Tool calls (and health requests) to time.") var calls = 5_000
        @Option(help: "Requests in flight.") var concurrency = 16
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard calls >= 100 else { throw ValidationError("--calls: at least 100") }
            guard (1...512).contains(concurrency) else { throw ValidationError("--concurrency: between 1 and 512") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try await MCPBenchmark(calls: calls, concurrency: concurrency, directory: directory).run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(
                    String(
                        format: "MCP over HTTP: %.0f tool calls/s with %d in flight (%d calls), p50 %.2f ms, p99 %.2f ms; failed %d",
                        result.toolCallsPerSecond, result.concurrency, result.calls, result.toolCallP50Milliseconds, result.toolCallP99Milliseconds,
                        result.failedCalls))
                print(
                    String(
                        format: "baseline GET /health: %.0f requests/s, p50 %.2f ms", result.healthRequestsPerSecond, result.healthP50Milliseconds))
            }
        }
    }
}
