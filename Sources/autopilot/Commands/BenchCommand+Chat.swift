import ArgumentParser
import Foundation

extension BenchCommand {
    struct ChatBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "chat",
            abstract: "Chat agent: its cost per visitor turn through ConversationService on a SQLite file (offline: no language model).")

        @Option(help: "Visitor turns to time (after a warm-up of up to 60).") var turns = 3_000
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard turns >= 12 else { throw ValidationError("--turns: at least 12") }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-bench-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let result = try await ChatBenchmark(turns: turns, directory: directory).run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(
                    String(
                        format: "chat agent on SQLite: %.0f turns/s over %d turns (%d conversations); per turn %.2f ms mean, %.2f ms p50, %.2f ms p99",
                        result.turnsPerSecond, result.turns, result.conversations, result.turnMeanMilliseconds, result.turnP50Milliseconds,
                        result.turnP99Milliseconds))
                print("turns whose reply missed the script: \(result.unexpectedReplies)")
            }
        }
    }
}
