import ArgumentParser
import Foundation

extension BenchCommand {
    struct VoiceBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voice",
            abstract: "Voice bridge: concurrent fake Twilio calls through the bridge to a loopback realtime model; latency per frame, CPU, memory.")

        @Option(help: "Calls at once.") var calls = 50
        @Option(help: "Length of each call, in seconds.") var seconds = 60.0
        @Flag(help: "Print the figures as JSON.") var json = false

        func run() async throws {
            guard (1...1_000).contains(calls) else { throw ValidationError("--calls: between 1 and 1000") }
            guard seconds >= 1 else { throw ValidationError("--seconds: at least 1") }
            let result = try await VoiceLoopbackBench(calls: calls, seconds: seconds).run()
            if json {
                try JSONOutput.print(result, pretty: false)
            } else {
                print("\(result.calls) calls × \(result.seconds) s: \(result.framesFromCallers) frames from callers, \(result.framesToCallers) to callers")
                print(
                    String(
                        format: "latency added per frame (read from one socket → taken by the other): p50 %.0f µs, p99 %.0f µs (target < 2000 µs), max %.0f µs",
                        result.latencyP50Microseconds, result.latencyP99Microseconds, result.latencyMaxMicroseconds))
                print(
                    String(
                        format: "per call: %.2f %% of a core, %.2f MB resident (the bridge's process; the fake peers, in their own: %.2f %% of a core); %.0f µs of CPU per frame",
                        result.cpuPercentPerCall, result.rssMBPerCall, result.peersCPUPercentPerCall, result.cpuMicrosecondsPerFrame))
                print(String(format: "%@ build, load average %.1f on %d cores", result.build, result.loadAverage, ProcessInfo.processInfo.activeProcessorCount))
                print("dropped frames: \(result.droppedFrames); calls failed: \(result.failedCalls); calls recorded: \(result.recordedCalls)")
            }
        }
    }

    /// The benchmark's fake callers and model, in a process of their own (started by `bench voice`, not by hand).
    struct VoicePeers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "voice-peers", abstract: "The fake peers of `bench voice` (started by it).", shouldDisplay: false)

        @Option var calls: Int
        @Option var seconds: Double
        @Option var token: String
        @Option var secret: String
        @Option var tenant: String

        func run() async throws {
            let peers = VoiceBenchPeers(calls: calls, seconds: seconds, token: token, secret: secret, tenantID: tenant)
            let report = try await peers.run { modelPort in
                try JSONLines.write(VoiceBenchPort(port: modelPort), to: .standardOutput)
                return try await JSONLines.read(VoiceBenchPort.self, from: .standardInput).port
            }
            try JSONLines.write(report, to: .standardOutput)
        }
    }
}
