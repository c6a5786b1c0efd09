import AutopilotCore
import Foundation
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import Synchronization

/// One call's shell: reads Twilio's stream and the model's events, feeds them to the `CallBridge` one at a time (so
/// frames keep their order both ways), and carries out its actions — writes to either socket, runs tools, keeps the
/// transcript. Everything it learns about the call is in `CallOutcome` when it returns.
struct CallSession: Sendable {
    let connector: RealtimeConnector
    let configuration: @Sendable (TwilioStreamStart, RealtimeProvider) async -> RealtimeSessionConfiguration
    /// Checks the `start` message (the stream's key); false ends the stream at once.
    let accept: @Sendable (TwilioStreamStart) async -> Bool
    let runTool: @Sendable (_ name: String, _ arguments: String) async -> String
    let clock: any Clock
    let logger: Logger
    /// Sees every input as it arrives, before it waits for the bridge (the benchmark's timing).
    var observe: (@Sendable (BridgeInput) -> Void)?
    /// Sees every message to Twilio or to the model once its socket has taken it (the benchmark's timing).
    var written: (@Sendable (BridgeAction) -> Void)?

    func run(inbound: WebSocketInboundStream, outbound twilio: WebSocketOutboundWriter) async -> CallOutcome {
        let (inputs, stream) = AsyncStream<BridgeInput>.makeStream(bufferingPolicy: .unbounded)
        let observe = self.observe
        let written = self.written
        let feed = Feed { input in
            observe?(input)
            stream.yield(input)
        }
        let (starts, startProvider) = AsyncStream<TwilioStreamStart>.makeStream()
        let (toolCalls, queueTool) = AsyncStream<(callID: String, name: String, arguments: String)>.makeStream()
        let providerWriter = Locked<(writer: WebSocketOutboundWriter, dialect: RealtimeDialect)?>(nil)
        let ended = OpenFlag()
        var outcome = CallOutcome(startedAt: clock.now())
        var bridge = CallBridge()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do {
                    for try await message in inbound.messages(maxSize: 1 << 20) {
                        guard case .text(let text) = message else { continue }
                        do {
                            let decoded = try TwilioStreamMessage.decode(text)
                            if case .start(let start) = decoded, !(await accept(start)) {
                                feed.yield(.providerLost(reason: "refused"))
                                break
                            }
                            feed.yield(.twilio(decoded))
                        } catch {
                            logger.warning("unreadable Twilio stream message", metadata: ["error": "\(error)"])
                        }
                    }
                } catch {
                    logger.debug("Twilio stream ended", metadata: ["error": "\(error)"])
                }
                feed.yield(.twilio(.stop(callSID: nil)))
            }
            group.addTask {
                for await start in starts {
                    await connect(start, feed: feed, writer: providerWriter, ended: ended)
                    break
                }
            }
            group.addTask {
                await withTaskGroup(of: Void.self) { tools in
                    for await call in toolCalls {
                        tools.addTask {
                            let output = await runTool(call.name, call.arguments)
                            feed.yield(.toolFinished(callID: call.callID, output: output))
                        }
                    }
                }
            }
            for await input in inputs {
                for action in bridge.handle(input) {
                    switch action {
                    case .toTwilio(let command):
                        guard let start = bridge.start else { continue }
                        do {
                            try await twilio.writeTextMessage(command.encoded(streamSID: start.streamSID))
                            written?(action)
                        } catch {
                            logger.debug("write to Twilio failed", metadata: ["error": "\(error)"])
                        }
                    case .toRealtime(let event):
                        guard let link = providerWriter.value else { continue }
                        do {
                            try await link.writer.writeTextMessage(event.encoded(dialect: link.dialect))
                            written?(action)
                        } catch {
                            logger.debug("write to the model failed", metadata: ["error": "\(error)"])
                        }
                    case .openProvider(let start):
                        outcome.start = start
                        startProvider.yield(start)
                    case .runTool(let callID, let name, let arguments):
                        outcome.toolsUsed.append(name)
                        queueTool.yield((callID, name, arguments))
                    case .record(let line):
                        outcome.transcript.append(line)
                    case .end(let end):
                        outcome.end = end
                    }
                }
                if bridge.phase == .ended { break }
            }
            ended.set()
            outcome.provider = bridge.provider
            outcome.statistics = bridge.statistics
            outcome.endedAt = clock.now()
            startProvider.finish()
            queueTool.finish()
            if let link = providerWriter.value { try? await link.writer.close(.normalClosure, reason: "call ended") }
            if outcome.end == .unavailable || outcome.end == .providerLost {
                // Twilio goes on with the TwiML after <Connect>: the apology.
                try? await twilio.close(.normalClosure, reason: "no voice model")
            }
            group.cancelAll()
        }
        return outcome
    }
}

extension CallSession {
    /// How many times a call may move to another provider (providers that keep dropping end the call instead).
    static let maximumFailovers = 3

    /// Reaches the providers in order and feeds the model's events while one is open. When the one in use drops while the
    /// call goes on, the others are tried in order (those after it first) and the bridge resumes on the first that opens;
    /// when none can be reached (or after `maximumFailovers` drops), `.providerLost`.
    func connect(
        _ start: TwilioStreamStart, feed: Feed, writer: Locked<(writer: WebSocketOutboundWriter, dialect: RealtimeDialect)?>, ended: OpenFlag
    ) async {
        var order = connector.providers
        var failures: [String] = []
        var drops = 0
        while !ended.value, !Task.isCancelled {
            let attempt = RealtimeConnector(providers: order, connectTimeout: connector.connectTimeout, logger: logger)
            let outcome = await attempt.run { provider, socket, inbound in
                writer.withLock { $0 = (socket, provider.dialect) }
                feed.yield(.providerReady(provider: provider.name, configuration: await configuration(start, provider)))
                for try await message in inbound.messages(maxSize: 1 << 22) {
                    guard case .text(let text) = message else { continue }
                    do { feed.yield(.realtime(try RealtimeServerEvent.decode(text))) } catch {
                        logger.warning("unreadable realtime event", metadata: ["provider": "\(provider.name)", "error": "\(error)"])
                    }
                }
            }
            writer.withLock { $0 = nil }
            failures += outcome.failures
            if ended.value || Task.isCancelled { return }
            guard let used = outcome.provider else { break }
            logger.warning("realtime provider dropped during a call", metadata: ["provider": "\(used.name)", "call": "\(start.callSID)"])
            failures.append("\(used.name): the connection dropped during the call")
            drops += 1
            if drops > Self.maximumFailovers { break }
            feed.yield(.providerDropped(reason: "\(used.name) dropped"))
            let all = connector.providers
            let index = all.firstIndex(of: used) ?? all.count - 1
            order = Array(all[(index + 1)...] + all[..<index])
            if order.isEmpty { break }
        }
        if !ended.value { feed.yield(.providerLost(reason: failures.joined(separator: "; "))) }
    }
}

/// Puts an input in the bridge's queue.
struct Feed: Sendable {
    let push: @Sendable (BridgeInput) -> Void

    init(_ push: @escaping @Sendable (BridgeInput) -> Void) { self.push = push }

    func yield(_ input: BridgeInput) { push(input) }
}

/// What a call's session learnt: when, who (the `start`), which provider, how it ended, the transcript and the tools used.
struct CallOutcome: Sendable {
    var startedAt: Date
    var endedAt: Date?
    var start: TwilioStreamStart?
    var provider: String?
    var end: CallEnd?
    var transcript: [TranscriptLine] = []
    var toolsUsed: [String] = []
    var statistics = BridgeStatistics()
}
