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
/// loopback realtime model that answers every frame with one of its own. Measures the latency the bridge adds to a
/// frame — from the moment the bridge has read it to the moment the other side has it (one loopback WebSocket hop
/// included) — both ways, the CPU and memory per call (the whole process: bridge and fake peers), and lost frames.
struct VoiceLoopbackBench {
    var calls: Int
    var seconds: Double

    struct Result: Encodable, Sendable {
        var calls: Int
        var seconds: Double
        var framesFromCallers: Int
        var framesToCallers: Int
        var latencyP50Microseconds: Double
        var latencyP99Microseconds: Double
        var latencyMaxMicroseconds: Double
        var callerToModelP99Microseconds: Double
        var modelToCallerP99Microseconds: Double
        var cpuPercentPerCall: Double
        var rssMBPerCall: Double
        var droppedFrames: Int
        var recordedCalls: Int

        enum CodingKeys: String, CodingKey {
            case calls, seconds
            case framesFromCallers = "frames_from_callers"
            case framesToCallers = "frames_to_callers"
            case latencyP50Microseconds = "latency_p50_us"
            case latencyP99Microseconds = "latency_p99_us"
            case latencyMaxMicroseconds = "latency_max_us"
            case callerToModelP99Microseconds = "caller_to_model_p99_us"
            case modelToCallerP99Microseconds = "model_to_caller_p99_us"
            case cpuPercentPerCall = "cpu_percent_per_call"
            case rssMBPerCall = "rss_mb_per_call"
            case droppedFrames = "dropped_frames"
            case recordedCalls = "recorded_calls"
        }
    }

    /// Frames in flight: when the bridge read each one (by its payload), and the latencies measured.
    final class Timings: Sendable {
        private let state = Mutex<(pending: [String: UInt64], up: [Double], down: [Double], sentUp: Int, sentDown: Int)>(([:], [], [], 0, 0))

        func entered(_ payload: String) {
            let now = DispatchTime.now().uptimeNanoseconds
            state.withLock { $0.pending[payload] = now }
        }

        func arrived(_ payload: String, up: Bool) {
            let now = DispatchTime.now().uptimeNanoseconds
            state.withLock { state in
                guard let start = state.pending.removeValue(forKey: payload) else { return }
                let micros = Double(now - start) / 1000
                if up { state.up.append(micros) } else { state.down.append(micros) }
            }
        }

        func sent(up: Bool) { state.withLock { if up { $0.sentUp += 1 } else { $0.sentDown += 1 } } }

        var snapshot: (up: [Double], down: [Double], sentUp: Int, sentDown: Int) { state.withLock { ($0.up, $0.down, $0.sentUp, $0.sentDown) } }
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

        // The model: answers every caller frame with one frame of its own (the same bytes, reversed order of words).
        let model: WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> = { inbound, outbound, _ in
            try await outbound.writeTextMessage(RealtimeServerEvent.sessionCreated.encoded())
            var answered = 0
            for try await message in inbound.messages(maxSize: 1 << 22) {
                guard case .text(let text) = message, text.hasPrefix(#"{"type":"input_audio_buffer.append""#) else { continue }
                guard let decoded = try? RealtimeClientEvent.decode(text), let audio = decoded.object["audio"]?.stringValue else { continue }
                timings.arrived(audio, up: true)
                answered += 1
                let reply = "m" + String(audio.dropFirst())
                timings.sent(up: false)
                try await outbound.writeTextMessage(RealtimeServerEvent.audioDelta(responseID: "r\(answered / 50)", delta: reply).encoded())
            }
        }
        return try await Self.serveWebSocket(logger: logger, handler: model) { modelPort in
            let provider = RealtimeProvider(name: "loopback", url: "ws://127.0.0.1:\(modelPort)/v1/realtime", apiKey: "bench", pricePerMinuteUSD: 0)
            var settings = VoiceSettings(providers: [provider], maximumConcurrentCalls: calls, maximumMinutesPerMonth: 1_000_000)
            settings.toolNames = []
            let voice = VoiceService(dependencies: dependencies, settings: settings)
            let bridge: WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> = { inbound, outbound, _ in
                await voice.stream(token: token, inbound: inbound, outbound: outbound) { input in
                    switch input {
                    case .twilio(.media(let frame)): timings.entered(frame.payload)
                    case .realtime(.audioDelta(_, let delta)): timings.entered(delta)
                    default: break
                    }
                }
            }
            return try await Self.serveWebSocket(logger: logger, handler: bridge) { bridgePort in
                let cpuBefore = Self.cpuSeconds()
                let rssBefore = Self.residentMB()
                let wallStart = Date()
                let rssDuring = Locked(0.0)
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<calls {
                        group.addTask {
                            try await Self.call(
                                index: index, port: bridgePort, token: token, secret: secret, tenantID: tenant.tenantID, seconds: seconds,
                                timings: timings, logger: logger)
                        }
                    }
                    group.addTask {
                        try await Task.sleep(for: .seconds(seconds * 0.8))
                        rssDuring.withLock { $0 = Self.residentMB() }
                    }
                    try await group.waitForAll()
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
                return Result(
                    calls: calls, seconds: seconds, framesFromCallers: snapshot.sentUp, framesToCallers: snapshot.sentDown,
                    latencyP50Microseconds: Self.percentile(all, 0.50), latencyP99Microseconds: Self.percentile(all, 0.99),
                    latencyMaxMicroseconds: all.last ?? 0, callerToModelP99Microseconds: Self.percentile(snapshot.up.sorted(), 0.99),
                    modelToCallerP99Microseconds: Self.percentile(snapshot.down.sorted(), 0.99),
                    cpuPercentPerCall: cpu / wall * 100 / Double(calls), rssMBPerCall: max(0, rssDuring.withLock { $0 } - rssBefore) / Double(calls),
                    droppedFrames: (snapshot.sentUp - snapshot.up.count) + (snapshot.sentDown - snapshot.down.count), recordedCalls: recorded)
            }
        }
    }

    /// One caller: `start`, then a frame every 20 ms for `seconds`, reading the model's frames meanwhile; then `stop`.
    static func call(
        index: Int, port: Int, token: String, secret: String, tenantID: String, seconds: Double, timings: Timings, logger: Logger
    ) async throws {
        let callID = "CAbench\(index)"
        let phone = "+3361000\(String(format: "%04d", index))"
        let parameters = [
            "tenant": tenantID, "call": callID, "from": phone, "language": "fr", "direction": "inbound",
            "key": StreamKey.make(secret: secret, tenantID: tenantID, callID: callID, phone: phone),
        ]
        let start = TwilioStreamStart(streamSID: "MZbench\(index)", callSID: callID, customParameters: parameters)
        let frames = Int(seconds * 50)
        try await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/v1/voice/stream/\(token)", logger: logger) { inbound, outbound, _ in
            try await outbound.writeTextMessage(TwilioStreamMessage.start(start).encoded(streamSID: start.streamSID, sequenceNumber: 1))
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message, let decoded = try? TwilioStreamCommand.decode(text) else { continue }
                        if case .media(let payload) = decoded.command { timings.arrived(payload, up: false) }
                    }
                }
                let clock = ContinuousClock()
                var next = clock.now
                for sequence in 0..<frames {
                    var bytes = [UInt8](repeating: 0xFF, count: 160)
                    withUnsafeBytes(of: UInt32(index).bigEndian) { bytes.replaceSubrange(0..<4, with: $0) }
                    withUnsafeBytes(of: UInt32(sequence).bigEndian) { bytes.replaceSubrange(4..<8, with: $0) }
                    let payload = Data(bytes).base64EncodedString()
                    timings.sent(up: true)
                    let media = TwilioStreamMessage.media(TwilioMediaFrame(chunk: sequence + 1, timestamp: sequence * 20, payload: payload))
                    try await outbound.writeTextMessage(media.encoded(streamSID: start.streamSID, sequenceNumber: sequence + 2))
                    next = next.advanced(by: .milliseconds(20))
                    try await Task.sleep(until: next, clock: clock)
                }
                // Let the last answers arrive, then hang up.
                try await Task.sleep(for: .milliseconds(300))
                try await outbound.writeTextMessage(TwilioStreamMessage.stop(callSID: callID).encoded(streamSID: start.streamSID, sequenceNumber: frames + 2))
                try await outbound.close(.normalClosure, reason: nil)
                try await group.waitForAll()
            }
        }
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
