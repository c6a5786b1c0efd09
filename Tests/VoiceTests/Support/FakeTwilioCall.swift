import AutopilotCore
import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket
import Synchronization
import Voice

/// Twilio's side of a Media Stream, on a real WebSocket: sends `connected`, `start` (with the TwiML's parameters) and
/// the caller's frames, acknowledges marks as Twilio does once audio has played, and keeps every command it receives.
/// It hangs up (`stop`) once it has received `hangUpAfter` media frames, or when the server closes the stream.
enum FakeTwilioCall {
    struct Received: Sendable {
        var commands: [TwilioStreamCommand] = []
        var streamSIDs: Set<String> = []
        var media: [String] {
            commands.compactMap { command -> String? in
                if case .media(let payload) = command { return payload }
                return nil
            }
        }
        var clears: Int { commands.filter { $0 == .clear }.count }
    }

    static func run(
        url: String, start: TwilioStreamStart, frames: [String], hangUpAfter: Int, timeout: Duration = .seconds(180), pace: Duration? = nil
    ) async throws -> Received {
        let logger = {
            var logger = Logger(label: "fake-twilio")
            logger.logLevel = .critical
            return logger
        }()
        let received = Locked(Received())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await WebSocketClient.connect(url: url, configuration: .init(maxFrameSize: 1 << 20), logger: logger) { inbound, outbound, _ in
                    let sid = start.streamSID
                    try await outbound.writeTextMessage(TwilioStreamMessage.connected(protocolName: "Call", version: "1.0.0").encoded(streamSID: sid, sequenceNumber: 0))
                    try await outbound.writeTextMessage(TwilioStreamMessage.start(start).encoded(streamSID: sid, sequenceNumber: 1))
                    try await withThrowingTaskGroup(of: Bool.self) { call in
                        call.addTask {
                            // The server may close the stream early (no model): later frames then go nowhere.
                            for (index, frame) in frames.enumerated() {
                                let media = TwilioStreamMessage.media(TwilioMediaFrame(chunk: index + 1, timestamp: index * 20, payload: frame))
                                do { try await outbound.writeTextMessage(media.encoded(streamSID: sid, sequenceNumber: index + 2)) } catch { return false }
                                if let pace {
                                    do { try await Task.sleep(for: pace) } catch { return false }
                                }
                            }
                            return false
                        }
                        call.addTask {
                            for try await message in inbound.messages(maxSize: 1 << 20) {
                                guard case .text(let text) = message else { continue }
                                let (streamSID, command) = try TwilioStreamCommand.decode(text)
                                let mediaCount = received.withLock { received in
                                    received.commands.append(command)
                                    received.streamSIDs.insert(streamSID)
                                    return received.media.count
                                }
                                if case .mark(let name) = command {
                                    try await outbound.writeTextMessage(TwilioStreamMessage.mark(name: name).encoded(streamSID: sid, sequenceNumber: 0))
                                }
                                if mediaCount >= hangUpAfter, case .mark = command { break }
                            }
                            return true
                        }
                        // The call ends when the listening side does (a paced caller stops talking then).
                        for try await listened in call where listened {
                            call.cancelAll()
                            break
                        }
                    }
                    try? await outbound.writeTextMessage(TwilioStreamMessage.stop(callSID: start.callSID).encoded(streamSID: sid, sequenceNumber: 9_999))
                    try? await outbound.close(.normalClosure, reason: nil)
                }
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                throw Speech.Failure(description: "the call did not end within \(timeout)")
            }
            try await group.next()
            group.cancelAll()
        }
        return received.withLock { $0 }
    }
}
