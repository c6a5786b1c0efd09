import AutopilotCore
import Foundation

/// The pure core of a call: Twilio's Media Stream on one side, a realtime model on the other. Each input gives the
/// actions the shell carries out; the bridge knows no socket, clock or database.
///
/// - Once the model is ready it is configured and asked to greet; the caller's audio goes to it as it comes (held, up to
///   `maximumHeldFrames`, until then).
/// - The model's audio goes to Twilio, followed by a mark when a response's audio is complete.
/// - When the caller starts speaking while the model speaks (barge-in), Twilio drops what it buffered (`clear`) and
///   the model's response is cancelled; late audio of a cancelled response is dropped.
/// - A function call runs a tool; its result goes back as `function_call_output`, and once no tool is running and the
///   model's response is over, `response.create` asks the model to go on.
/// - When the model's connection drops mid-call, the caller's audio is held while the shell reaches the next provider;
///   that one is configured with the transcript so far and asked to go on.
public struct CallBridge: Sendable {
    public enum Phase: String, Sendable, Hashable {
        case awaitingStart, connecting, live, ended
    }

    public private(set) var phase: Phase = .awaitingStart
    public private(set) var start: TwilioStreamStart?
    public private(set) var provider: String?
    public private(set) var statistics = BridgeStatistics()
    /// The model greets the caller as soon as it is configured.
    public var greetFirst: Bool
    public var maximumHeldFrames: Int

    private var heldAudio: [String] = []
    private var activeResponse: String?
    private var responseRequested = false
    private var cancelledResponses: Set<String> = []
    private var unplayedMarks: Set<String> = []
    private var runningTools: Set<String> = []
    private var needsResponse = false
    private var markCount = 0
    /// What was said so far: the context a provider taking over mid-call is given (the latest lines).
    public private(set) var transcript: [TranscriptLine] = []
    public var maximumContextLines = 40

    public init(greetFirst: Bool = true, maximumHeldFrames: Int = 500) {
        self.greetFirst = greetFirst
        self.maximumHeldFrames = maximumHeldFrames
    }

    /// Whether the caller may currently be hearing the model (a response is under way or its audio is still playing).
    public var modelSpeaking: Bool { activeResponse != nil || !unplayedMarks.isEmpty }

    public mutating func handle(_ input: BridgeInput) -> [BridgeAction] {
        guard phase != .ended else { return [] }
        switch input {
        case .twilio(let message): return handle(twilio: message)
        case .realtime(let event): return phase == .live ? handle(realtime: event) : []
        case .providerReady(let name, var configuration):
            guard phase == .connecting else { return [] }
            let resuming = provider != nil
            phase = .live
            provider = name
            if resuming {
                configuration.instructions += "\n\n" + VoiceWording(VoiceLanguage(rawValue: configuration.language) ?? .english)
                    .resumption(transcript: transcript)
            }
            var actions: [BridgeAction] = [.toRealtime(.sessionUpdate(configuration))]
            if greetFirst || resuming {
                responseRequested = true
                actions.append(.toRealtime(.responseCreate))
            }
            actions += heldAudio.map { .toRealtime(.appendAudio($0)) }
            statistics.framesToModel += heldAudio.count
            heldAudio.removeAll()
            return actions
        case .providerDropped:
            guard phase == .live else { return [] }
            // The next provider knows nothing of this one's responses and tool calls.
            phase = .connecting
            statistics.failovers += 1
            activeResponse = nil
            responseRequested = false
            needsResponse = false
            cancelledResponses.removeAll()
            runningTools.removeAll()
            return []
        case .providerLost:
            let end: CallEnd = provider != nil ? .providerLost : .unavailable
            phase = .ended
            return [.end(end)]
        case .toolFinished(let callID, let output):
            guard runningTools.remove(callID) != nil else { return [] }
            var actions: [BridgeAction] = [.toRealtime(.functionCallOutput(callID: callID, output: output))]
            needsResponse = true
            actions += requestResponseIfIdle()
            return actions
        }
    }

    private mutating func handle(twilio message: TwilioStreamMessage) -> [BridgeAction] {
        switch message {
        case .connected, .dtmf:
            return []
        case .start(let start):
            guard phase == .awaitingStart else { return [] }
            self.start = start
            phase = .connecting
            return [.openProvider(start)]
        case .media(let frame):
            statistics.framesFromCaller += 1
            switch phase {
            case .live:
                statistics.framesToModel += 1
                return [.toRealtime(.appendAudio(frame.payload))]
            case .connecting, .awaitingStart:
                if heldAudio.count < maximumHeldFrames {
                    heldAudio.append(frame.payload)
                } else {
                    statistics.droppedFrames += 1
                }
                return []
            case .ended:
                return []
            }
        case .mark(let name):
            unplayedMarks.remove(name)
            return []
        case .stop:
            phase = .ended
            return [.end(.completed)]
        }
    }

    private mutating func handle(realtime event: RealtimeServerEvent) -> [BridgeAction] {
        switch event {
        case .responseCreated(let id):
            activeResponse = id
            responseRequested = false
            return []
        case .audioDelta(let id, let delta):
            if cancelledResponses.contains(id) {
                statistics.droppedFrames += 1
                return []
            }
            statistics.framesToCaller += 1
            return [.toTwilio(.media(payload: delta))]
        case .audioDone(let id):
            guard !cancelledResponses.contains(id) else { return [] }
            markCount += 1
            let name = "response-\(markCount)"
            unplayedMarks.insert(name)
            return [.toTwilio(.mark(name: name))]
        case .outputTranscript(_, let text):
            return remember(.agent, text)
        case .inputTranscript(_, let text):
            return remember(.caller, text)
        case .speechStarted:
            guard modelSpeaking else { return [] }
            statistics.bargeIns += 1
            unplayedMarks.removeAll()
            var actions: [BridgeAction] = [.toTwilio(.clear)]
            if let id = activeResponse {
                cancelledResponses.insert(id)
                activeResponse = nil
                actions.append(.toRealtime(.responseCancel))
            }
            return actions
        case .functionCall(let callID, let name, let arguments):
            guard !runningTools.contains(callID) else { return [] }
            runningTools.insert(callID)
            statistics.toolCalls += 1
            return [.runTool(callID: callID, name: name, arguments: arguments)]
        case .responseDone(let id, _):
            if activeResponse == id || activeResponse == nil { activeResponse = nil }
            return requestResponseIfIdle()
        case .sessionCreated, .sessionUpdated, .speechStopped, .other, .error:
            return []
        }
    }

    private mutating func remember(_ speaker: TranscriptLine.Speaker, _ text: String) -> [BridgeAction] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        let line = TranscriptLine(speaker: speaker, text: trimmed)
        transcript.append(line)
        if transcript.count > maximumContextLines { transcript.removeFirst(transcript.count - maximumContextLines) }
        return [.record(line)]
    }

    private mutating func requestResponseIfIdle() -> [BridgeAction] {
        guard needsResponse, runningTools.isEmpty, activeResponse == nil, !responseRequested else { return [] }
        needsResponse = false
        responseRequested = true
        return [.toRealtime(.responseCreate)]
    }
}

/// What went through a call's bridge.
public struct BridgeStatistics: Sendable, Hashable {
    public var framesFromCaller = 0
    public var framesToModel = 0
    public var framesToCaller = 0
    /// Caller frames beyond the hold while connecting, and model frames of a cancelled response.
    public var droppedFrames = 0
    public var bargeIns = 0
    public var toolCalls = 0
    /// Times the call moved to another provider after the one in use dropped.
    public var failovers = 0

    public init() {}
}
