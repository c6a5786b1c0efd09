import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import ServiceLifecycle
import Storage
import Synchronization
import Voice

/// `autopilot bench voice`: `calls` phone calls at once for `seconds`, each a fake Twilio client sending 20 ms μ-law
/// frames on a real WebSocket to the voice bridge (the real `VoiceService` on an in-memory SQLite store), bridged to a
/// loopback realtime model that answers every frame with one of its own. The fake callers and the model run in a child
/// process (`autopilot bench voice-peers`), so this process holds the bridge alone and its CPU and memory are the
/// bridge's. Measures the latency the bridge adds to a frame — from the moment it has read the frame from one socket to
/// the moment the other socket has taken it — both ways, the CPU and memory per call, and the frames lost on the way.
struct VoiceLoopbackBench {
    var calls: Int
    var seconds: Double

    struct Result: Encodable, Sendable {
        var calls: Int
        var seconds: Double
        var build: String
        var loadAverage: Double
        var framesFromCallers: Int
        var framesToCallers: Int
        var latencyP50Microseconds: Double
        var latencyP99Microseconds: Double
        var latencyMaxMicroseconds: Double
        var callerToModelP99Microseconds: Double
        var modelToCallerP99Microseconds: Double
        var cpuPercentPerCall: Double
        /// The bridge's CPU time per frame it carried (either way): what the machine's load does not change.
        var cpuMicrosecondsPerFrame: Double
        var peersCPUPercentPerCall: Double
        var rssMBPerCall: Double
        var droppedFrames: Int
        var failedCalls: Int
        var recordedCalls: Int

        enum CodingKeys: String, CodingKey {
            case calls, seconds, build
            case loadAverage = "load_average_1m"
            case framesFromCallers = "frames_from_callers"
            case framesToCallers = "frames_to_callers"
            case latencyP50Microseconds = "latency_p50_us"
            case latencyP99Microseconds = "latency_p99_us"
            case latencyMaxMicroseconds = "latency_max_us"
            case callerToModelP99Microseconds = "caller_to_model_p99_us"
            case modelToCallerP99Microseconds = "model_to_caller_p99_us"
            case cpuPercentPerCall = "cpu_percent_per_call"
            case cpuMicrosecondsPerFrame = "cpu_us_per_frame"
            case peersCPUPercentPerCall = "peers_cpu_percent_per_call"
            case rssMBPerCall = "rss_mb_per_call"
            case droppedFrames = "dropped_frames"
            case failedCalls = "failed_calls"
            case recordedCalls = "recorded_calls"
        }
    }

    /// Frames in flight in the bridge: when it read each one (by its payload), and the latencies measured.
    final class Timings: Sendable {
        private let state = Mutex<(pending: [String: UInt64], up: [Double], down: [Double])>(([:], [], []))

        func entered(_ payload: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            state.withLock { $0.pending[payload] = now }
        }

        func written(_ payload: String, up: Bool) {
            let now = DispatchTime.now().uptimeNanoseconds
            state.withLock { state in
                guard let start = state.pending.removeValue(forKey: payload) else { return }
                let micros = Double(now - start) / 1000
                if up { state.up.append(micros) } else { state.down.append(micros) }
            }
        }

        var snapshot: (up: [Double], down: [Double]) { state.withLock { ($0.up, $0.down) } }
    }

    func run() async throws -> Result {
        let logger = {
            var logger = Logger(label: "bench-voice")
            logger.logLevel = .critical
            return logger
        }()
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Date())
        let dependencies = Dependencies(store: store, clock: SystemClock(), ids: RandomIDGenerator(), logger: logger)
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Bench")
        let token = "bench-voice-token-0123456789"
        let secret = "bench-twilio-secret"
        try await store.saveWebhookEndpoint(WebhookEndpoint(tenantID: tenant.tenantID, provider: "twilio", token: token, secret: secret, createdAt: Date()))
        let timings = Timings()

        let peers = Process()
        peers.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        peers.arguments = [
            "bench", "voice-peers", "--calls", String(calls), "--seconds", String(seconds), "--token", token, "--secret", secret, "--tenant",
            tenant.tenantID,
        ]
        let toPeers = Pipe()
        let fromPeers = Pipe()
        peers.standardInput = toPeers
        peers.standardOutput = fromPeers
        try peers.run()
        defer { if peers.isRunning { peers.terminate() } }
        let modelPort = try await JSONLines.read(VoiceBenchPort.self, from: fromPeers.fileHandleForReading).port

        let provider = RealtimeProvider(name: "loopback", url: "ws://127.0.0.1:\(modelPort)/v1/realtime", apiKey: "bench", pricePerMinuteUSD: 0)
        var settings = VoiceSettings(providers: [provider], maximumConcurrentCalls: calls, maximumMinutesPerMonth: 1_000_000)
        settings.toolNames = []
        let voice = VoiceService(dependencies: dependencies, settings: settings)
        let bridge: WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> = { inbound, outbound, _ in
            let record = await voice.stream(
                token: token, inbound: inbound, outbound: outbound,
                observe: { input in
                    switch input {
                    case .twilio(.media(let frame)): timings.entered(frame.payload)
                    case .realtime(.audioDelta(_, let delta)): timings.entered(delta)
                    default: break
                    }
                },
                written: { action in
                    switch action {
                    case .toRealtime(.appendAudio(let payload)): timings.written(payload, up: true)
                    case .toTwilio(.media(let payload)): timings.written(payload, up: false)
                    default: break
                    }
                })
            _ = record
        }
        return try await Self.serveWebSocket(logger: logger, handler: bridge) { bridgePort in
            let cpuBefore = Self.cpuSeconds()
            let rssBefore = Self.residentMB()
            let wallStart = Date()
            let rssDuring = Locked(0.0)
            try JSONLines.write(VoiceBenchPort(port: bridgePort), to: toPeers.fileHandleForWriting)
            let report = try await withThrowingTaskGroup(of: VoiceBenchPeers.Report?.self) { group in
                group.addTask { try await JSONLines.read(VoiceBenchPeers.Report.self, from: fromPeers.fileHandleForReading) }
                group.addTask {
                    try await Task.sleep(for: .seconds(seconds * 0.8))
                    rssDuring.withLock { $0 = Self.residentMB() }
                    return nil
                }
                var report: VoiceBenchPeers.Report?
                for try await value in group { if let value { report = value } }
                return report ?? VoiceBenchPeers.Report()
            }
            let wall = Date().timeIntervalSince(wallStart)
            let cpu = Self.cpuSeconds() - cpuBefore
            var recorded = 0
            for _ in 0..<200 {
                recorded = try await VoiceCallLog(database: store.database)
                    .calls(tenantID: tenant.tenantID, from: .distantPast, to: .distantFuture, limit: calls * 2)
                    .filter { $0.status == .completed }.count
                if recorded >= calls { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            let snapshot = timings.snapshot
            let all = (snapshot.up + snapshot.down).sorted()
            #if DEBUG
                let build = "debug"
            #else
                let build = "release"
            #endif
            return Result(
                calls: calls, seconds: seconds, build: build, loadAverage: Self.loadAverage(), framesFromCallers: report.sentByCallers,
                framesToCallers: report.sentByModel, latencyP50Microseconds: Self.percentile(all, 0.50),
                latencyP99Microseconds: Self.percentile(all, 0.99), latencyMaxMicroseconds: all.last ?? 0,
                callerToModelP99Microseconds: Self.percentile(snapshot.up.sorted(), 0.99),
                modelToCallerP99Microseconds: Self.percentile(snapshot.down.sorted(), 0.99), cpuPercentPerCall: cpu / wall * 100 / Double(calls),
                cpuMicrosecondsPerFrame: cpu * 1e6 / Double(max(1, report.receivedByModel + report.receivedByCallers)),
                peersCPUPercentPerCall: report.cpuSeconds / wall * 100 / Double(calls),
                rssMBPerCall: max(0, rssDuring.withLock { $0 } - rssBefore) / Double(calls),
                droppedFrames: (report.sentByCallers - report.receivedByModel) + (report.sentByModel - report.receivedByCallers), failedCalls: report.failedCalls,
                recordedCalls: recorded)
        }
    }

    /// The 1-minute load average of the machine (/proc/loadavg).
    static func loadAverage() -> Double {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)).flatMap { $0.split(separator: " ").first.flatMap { Double($0) } } ?? 0
    }

    static func serveWebSocket<Value: Sendable>(
        logger: Logger, handler: @escaping WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>, _ body: @Sendable (Int) async throws -> Value
    ) async throws -> Value {
        let (ready, continuation) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: Router(), server: .http1WebSocketUpgrade(configuration: .init(ws: .init(maxFrameSize: 1 << 22))) { _, _, _ in .upgrade([:], handler) },
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], gracefulShutdownSignals: [], logger: logger))
        return try await withThrowingTaskGroup(of: Value?.self) { group in
            group.addTask {
                try await services.run()
                return nil
            }
            var iterator = ready.makeAsyncIterator()
            let port = await iterator.next() ?? 0
            let outcome: Swift.Result<Value, any Error>
            do { outcome = .success(try await body(port)) } catch { outcome = .failure(error) }
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return try outcome.get()
        }
    }

    static func percentile(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Resident memory now (VmRSS), in MB.
    static func residentMB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
            return (line.split(separator: " ").compactMap { Double($0) }.first ?? 0) / 1024
        }
        return 0
    }
}
