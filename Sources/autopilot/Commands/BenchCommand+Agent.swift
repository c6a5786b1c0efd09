import Agent
import ArgumentParser
import Foundation

extension BenchCommand {
    struct AgentBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "agent",
            abstract: "Agent loop: its own overhead per turn (a tool call and an answer) against a loopback OpenAI-compatible model.")

        @Option(help: "Turns measured (after a warm-up of up to 200).") var turns = 2_000
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard turns >= 10 else { throw ValidationError("--turns: at least 10") }
            let result = try await AgentLoopbackBench(turns: turns).run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print(
                    String(
                        format: "turn: %.2f ms mean over %d turns (2 model calls over HTTP + 1 tool each); raw gateway calls: %.2f ms",
                        result.turnMeanMilliseconds, result.turns, result.baselineMilliseconds))
                print(
                    String(
                        format: "agent overhead per turn: %.1f µs mean, %.1f µs p50, %.1f µs p99 (target < 2000 µs); %.1f µs by subtraction",
                        result.overheadMeanMicroseconds, result.overheadP50Microseconds, result.overheadP99Microseconds,
                        result.subtractedOverheadMicroseconds))
                print("turns not answered by the model: \(result.failedTurns)")
            }
        }
    }
}
