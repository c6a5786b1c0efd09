import AsyncHTTPClient
import Foundation

/// Figures from one benchmark run.
public struct GatewayBenchmarkResult: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Calls answered per second with `concurrency` requests in flight through the gateway over HTTP.
    public var callsPerSecond: Double
    public var concurrency: Int
    public var totalCalls: Int
    /// Latency of a call under that load, median and 99th percentile, in milliseconds.
    public var latencyP50Milliseconds: Double
    public var latencyP99Milliseconds: Double
    /// The gateway's own time per call, in microseconds: the same calls through a transport that replays the
    /// server's recorded answer from memory (encoding, decoding, breaker, budget, accounting; no HTTP).
    public var overheadMicroseconds: Double
    /// The same, 99th percentile.
    public var overheadP99Microseconds: Double
    /// Cross-check, in microseconds: one-at-a-time gateway calls over HTTP minus raw HTTP round trips, interleaved
    /// (noisy on a shared machine: the difference is small against the round trip).
    public var subtractedOverheadMicroseconds: Double
    /// Calls that did not come back from the server's provider (offline fallbacks); should be 0.
    public var failedCalls: Int

    public var description: String {
        String(
            format: "%.0f calls/s with %d concurrent (%d calls), latency p50 %.2f ms p99 %.2f ms; "
                + "gateway overhead %.1f µs mean, %.1f µs p99 (replay); %.1f µs by subtraction; %d failed",
            callsPerSecond, concurrency, totalCalls, latencyP50Milliseconds, latencyP99Milliseconds, overheadMicroseconds,
            overheadP99Microseconds, subtractedOverheadMicroseconds, failedCalls)
    }
}

/// Measures the gateway against a loopback OpenAI-compatible server that the caller started (the benchmark starts
/// nothing itself).
public enum GatewayBenchmark {
    /// The request every benchmark call sends.
    public static let request = LLMRequest(
        system: "You write short follow-up emails for a small online shop.",
        messages: [.user("Write a two-sentence reminder for a customer who left a cart with 2 items.")],
        maxTokens: 256, timeout: .seconds(10), deadline: .seconds(30), feature: "benchmark", tenant: "benchmark")

    /// Runs the benchmark against `baseURL` (an OpenAI-compatible server answering `POST /v1/chat/completions`).
    public static func run(
        baseURL: String, httpClient: HTTPClient = .shared, totalCalls: Int = 5000, concurrency: Int = 64,
        overheadCalls: Int = 5000
    ) async throws -> GatewayBenchmarkResult {
        let provider = ProviderConfiguration(kind: .compatible, baseURL: baseURL, apiKey: nil, model: "benchmark-model")
        let configuration = GatewayConfiguration(providers: [provider], fallsBackToOffline: true)
        let transport = HTTPClientTransport(client: httpClient)
        let gateway = LLMGateway(configuration: configuration, transport: transport)
        let clock = ContinuousClock()

        _ = try await load(gateway, calls: concurrency * 2, concurrency: concurrency)
        let started = clock.now
        let (latencies, failed) = try await load(gateway, calls: totalCalls, concurrency: concurrency)
        let elapsed = (clock.now - started).seconds
        let sorted = latencies.sorted()

        let outgoing = try OpenAIChatFormat(usesMaxCompletionTokens: false).encode(request, configuration: provider)
        let recorded = try await transport.send(outgoing, timeout: .seconds(10))
        let replay = LLMGateway(configuration: configuration, transport: ReplayTransport(response: recorded))
        var overheads: [Double] = []
        overheads.reserveCapacity(overheadCalls)
        for _ in 0..<max(1, overheadCalls) {
            let callStart = clock.now
            _ = try await replay.complete(request)
            overheads.append((clock.now - callStart).seconds)
        }
        let sortedOverheads = overheads.sorted()

        var rawTotal = 0.0
        var gatewayTotal = 0.0
        let sequentialCalls = 1000
        for _ in 0..<sequentialCalls {
            let rawStart = clock.now
            _ = try await transport.send(outgoing, timeout: .seconds(10))
            let gatewayStart = clock.now
            _ = try await gateway.complete(request)
            rawTotal += (gatewayStart - rawStart).seconds
            gatewayTotal += (clock.now - gatewayStart).seconds
        }
        let rawMean = rawTotal / Double(sequentialCalls)
        let gatewayMean = gatewayTotal / Double(sequentialCalls)

        return GatewayBenchmarkResult(
            callsPerSecond: elapsed > 0 ? Double(totalCalls) / elapsed : 0,
            concurrency: concurrency, totalCalls: totalCalls,
            latencyP50Milliseconds: percentile(sorted, 0.50) * 1000, latencyP99Milliseconds: percentile(sorted, 0.99) * 1000,
            overheadMicroseconds: overheads.reduce(0, +) / Double(max(1, overheads.count)) * 1e6,
            overheadP99Microseconds: percentile(sortedOverheads, 0.99) * 1e6,
            subtractedOverheadMicroseconds: (gatewayMean - rawMean) * 1e6,
            failedCalls: failed)
    }

    static func load(_ gateway: LLMGateway, calls: Int, concurrency: Int) async throws -> ([Double], Int) {
        let clock = ContinuousClock()
        let workers = max(1, concurrency)
        return try await withThrowingTaskGroup(of: ([Double], Int).self) { group in
            for worker in 0..<workers {
                let share = calls / workers + (worker < calls % workers ? 1 : 0)
                group.addTask {
                    var latencies: [Double] = []
                    var failed = 0
                    for _ in 0..<share {
                        let start = clock.now
                        let response = try await gateway.complete(request)
                        latencies.append((clock.now - start).seconds)
                        if response.provider == OfflineProvider.name { failed += 1 }
                    }
                    return (latencies, failed)
                }
            }
            var all: [Double] = []
            var failed = 0
            for try await (latencies, failures) in group {
                all += latencies
                failed += failures
            }
            return (all, failed)
        }
    }

    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, max(0, Int((Double(sorted.count) * fraction).rounded(.up)) - 1))
        return sorted[index]
    }
}
