import AutopilotCore
import Foundation
import HummingbirdWSClient
import HummingbirdWebSocket
import Logging
import NIOWebSocket
import Synchronization
import Voice

/// The benchmark's fake peers, run in a process of their own (`autopilot bench voice-peers`) so that the bridge's process
/// measures the bridge alone: a loopback realtime model that answers every caller frame with one of its own, and `calls`
/// fake Twilio callers sending a 20 ms μ-law frame every 20 ms for `seconds`. Talks to the benchmark over its standard
/// input and output, one JSON line each way: it announces the model's port, reads the bridge's, and reports its counts.
struct VoiceBenchPeers {
    var calls: Int
    var seconds: Double
    var token: String
    var secret: String
    var tenantID: String

    /// What the peers sent and received, and the CPU they used.
    struct Report: Codable, Sendable {
        var sentByCallers = 0
        var receivedByModel = 0
        var sentByModel = 0
        var receivedByCallers = 0
        /// Calls whose WebSocket failed before they hung up.
        var failedCalls = 0
        var cpuSeconds = 0.0

        enum CodingKeys: String, CodingKey {
            case sentByCallers = "sent_by_callers"
            case receivedByModel = "received_by_model"
            case sentByModel = "sent_by_model"
            case receivedByCallers = "received_by_callers"
            case failedCalls = "failed_calls"
            case cpuSeconds = "cpu_seconds"
        }
    }

    func run(bridgePort: @escaping @Sendable (_ modelPort: Int) async throws -> Int) async throws -> Report {
        let logger = {
            var logger = Logger(label: "bench-voice-peers")
            logger.logLevel = .critical
            return logger
        }()
        let counts = Locked(Report())
        // The model: answers every caller frame with one of its own (the same bytes, a different first character).
        let model: WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context> = { inbound, outbound, _ in
            try await outbound.writeTextMessage(RealtimeServerEvent.sessionCreated.encoded())
            var answered = 0
            for try await message in inbound.messages(maxSize: 1 << 22) {
                guard case .text(let text) = message, let audio = RealtimeClientEvent.appendedAudio(in: text) else { continue }
                answered += 1
                counts.withLock {
                    $0.receivedByModel += 1
                    $0.sentByModel += 1
                }
                let reply = "m" + String(audio.dropFirst())
                try await outbound.writeTextMessage(RealtimeServerEvent.audioDelta(responseID: "r\(answered / 50)", delta: reply).encoded())
            }
        }
        let cpuBefore = VoiceLoopbackBench.cpuSeconds()
        try await VoiceLoopbackBench.serveWebSocket(logger: logger, handler: model) { modelPort in
            let port = try await bridgePort(modelPort)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<calls {
                    group.addTask {
                        do { try await self.call(index: index, port: port, counts: counts, logger: logger) } catch {
                            counts.withLock { $0.failedCalls += 1 }
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        var report = counts.withLock { $0 }
        report.cpuSeconds = VoiceLoopbackBench.cpuSeconds() - cpuBefore
        return report
    }

    /// One caller: `start`, then a frame every 20 ms for `seconds`, reading the model's frames meanwhile; then `stop`.
    func call(index: Int, port: Int, counts: Locked<Report>, logger: Logger) async throws {
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
                        guard case .text(let text) = message, case .media = try? TwilioStreamCommand.decode(text).command else { continue }
                        counts.withLock { $0.receivedByCallers += 1 }
                    }
                }
                let clock = ContinuousClock()
                var next = clock.now
                for sequence in 0..<frames {
                    var bytes = [UInt8](repeating: 0xFF, count: 160)
                    withUnsafeBytes(of: UInt32(index).bigEndian) { bytes.replaceSubrange(0..<4, with: $0) }
                    withUnsafeBytes(of: UInt32(sequence).bigEndian) { bytes.replaceSubrange(4..<8, with: $0) }
                    let payload = Data(bytes).base64EncodedString()
                    counts.withLock { $0.sentByCallers += 1 }
                    let media = TwilioStreamMessage.media(TwilioMediaFrame(chunk: sequence + 1, timestamp: sequence * 20, payload: payload))
                    try await outbound.writeTextMessage(media.encoded(streamSID: start.streamSID, sequenceNumber: sequence + 2))
                    next = next.advanced(by: .milliseconds(20))
                    try await Task.sleep(until: next, clock: clock)
                }
                // Let the last answers arrive, then hang up.
                try await Task.sleep(for: .milliseconds(500))
                try await outbound.writeTextMessage(TwilioStreamMessage.stop(callSID: callID).encoded(streamSID: start.streamSID, sequenceNumber: frames + 2))
                // The bridge may close first once it read `stop`.
                try? await outbound.close(.normalClosure, reason: nil)
                try? await group.waitForAll()
            }
        }
    }
}

/// One JSON line at a time over a pipe, read off the cooperative threads (a blocking read would hold one of them).
enum JSONLines {
    static func read<Value: Decodable & Sendable>(_ type: Value.Type, from handle: FileHandle) async throws -> Value {
        let line: String? = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                var bytes: [UInt8] = []
                while true {
                    let byte = handle.readData(ofLength: 1)
                    guard let first = byte.first else { break }
                    if first == UInt8(ascii: "\n") { break }
                    bytes.append(first)
                }
                continuation.resume(returning: bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self))
            }
        }
        guard let line else { throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "the other process closed its output"]) }
        return try JSONDecoder().decode(Value.self, from: Data(line.utf8))
    }

    static func write(_ value: some Encodable, to handle: FileHandle) throws {
        var data = try JSONEncoder().encode(value)
        data.append(UInt8(ascii: "\n"))
        try handle.write(contentsOf: data)
    }
}

/// The ports the two processes tell each other.
struct VoiceBenchPort: Codable, Sendable {
    var port: Int
}
