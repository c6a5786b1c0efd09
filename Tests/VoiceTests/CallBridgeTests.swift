import AutopilotCore
import Testing

@testable import Voice

@Suite("The call bridge (pure): events in, actions out")
struct CallBridgeTests {
    let configuration = RealtimeSessionConfiguration(instructions: "Be brief.", tools: [], language: "en")
    let start = TwilioStreamStart(streamSID: "MZ1", callSID: "CA1", customParameters: ["from": "+14155550100"])

    func media(_ chunk: Int) -> BridgeInput { .twilio(.media(TwilioMediaFrame(chunk: chunk, timestamp: chunk * 20, payload: "p\(chunk)"))) }

    func live() -> CallBridge {
        var bridge = CallBridge(greetFirst: false)
        _ = bridge.handle(.twilio(.start(start)))
        _ = bridge.handle(.providerReady(provider: "openai", configuration: configuration))
        return bridge
    }

    @Test("start opens the provider; audio before it is ready is held, then sent after session.update and the greeting, in order")
    func holdsAudioUntilReady() {
        var bridge = CallBridge()
        #expect(bridge.handle(.twilio(.connected(protocolName: "Call", version: "1.0.0"))) == [])
        #expect(bridge.handle(.twilio(.start(start))) == [.openProvider(start)])
        #expect(bridge.handle(media(1)) == [])
        #expect(bridge.handle(media(2)) == [])
        let ready = bridge.handle(.providerReady(provider: "xai", configuration: configuration))
        #expect(
            ready == [
                .toRealtime(.sessionUpdate(configuration)), .toRealtime(.responseCreate), .toRealtime(.appendAudio("p1")),
                .toRealtime(.appendAudio("p2")),
            ])
        #expect(bridge.handle(media(3)) == [.toRealtime(.appendAudio("p3"))])
        #expect(bridge.provider == "xai")
        #expect(bridge.statistics.framesToModel == 3)
    }

    @Test("Held audio beyond the limit is counted as dropped")
    func dropsBeyondHold() {
        var bridge = CallBridge(maximumHeldFrames: 2)
        _ = bridge.handle(.twilio(.start(start)))
        for chunk in 1...5 { _ = bridge.handle(media(chunk)) }
        #expect(bridge.statistics.droppedFrames == 3)
    }

    @Test("The model's audio goes to Twilio, then a mark when the response's audio is complete")
    func forwardsModelAudio() {
        var bridge = live()
        #expect(bridge.handle(.realtime(.responseCreated(responseID: "r1"))) == [])
        #expect(bridge.handle(.realtime(.audioDelta(responseID: "r1", delta: "a1"))) == [.toTwilio(.media(payload: "a1"))])
        #expect(bridge.handle(.realtime(.audioDelta(responseID: "r1", delta: "a2"))) == [.toTwilio(.media(payload: "a2"))])
        #expect(bridge.handle(.realtime(.audioDone(responseID: "r1"))) == [.toTwilio(.mark(name: "response-1"))])
        #expect(bridge.handle(.realtime(.responseDone(responseID: "r1", status: "completed"))) == [])
        #expect(bridge.modelSpeaking)
        _ = bridge.handle(.twilio(.mark(name: "response-1")))
        #expect(!bridge.modelSpeaking)
        #expect(bridge.handle(.realtime(.speechStarted)) == [], "no barge-in when the model is silent")
    }

    @Test("Barge-in: speech while the model speaks clears Twilio and cancels the response; its late audio is dropped")
    func bargeIn() {
        var bridge = live()
        _ = bridge.handle(.realtime(.responseCreated(responseID: "r1")))
        _ = bridge.handle(.realtime(.audioDelta(responseID: "r1", delta: "a1")))
        #expect(bridge.handle(.realtime(.speechStarted)) == [.toTwilio(.clear), .toRealtime(.responseCancel)])
        #expect(bridge.handle(.realtime(.audioDelta(responseID: "r1", delta: "late"))) == [])
        #expect(bridge.statistics.bargeIns == 1)
        #expect(bridge.statistics.droppedFrames == 1)
    }

    @Test("Barge-in after the response is over but still playing: clear only")
    func bargeInWhilePlaying() {
        var bridge = live()
        _ = bridge.handle(.realtime(.responseCreated(responseID: "r1")))
        _ = bridge.handle(.realtime(.audioDelta(responseID: "r1", delta: "a1")))
        _ = bridge.handle(.realtime(.audioDone(responseID: "r1")))
        _ = bridge.handle(.realtime(.responseDone(responseID: "r1", status: "completed")))
        #expect(bridge.handle(.realtime(.speechStarted)) == [.toTwilio(.clear)])
    }

    @Test("A function call runs the tool; its output goes back, and response.create once the response is over")
    func toolRoundTrip() {
        var bridge = live()
        _ = bridge.handle(.realtime(.responseCreated(responseID: "r1")))
        #expect(
            bridge.handle(.realtime(.functionCall(callID: "c1", name: "check_order_status", arguments: #"{"order_id":"1"}"#)))
                == [.runTool(callID: "c1", name: "check_order_status", arguments: #"{"order_id":"1"}"#)])
        #expect(bridge.handle(.realtime(.functionCall(callID: "c1", name: "check_order_status", arguments: "{}"))) == [], "a repeat runs nothing")
        #expect(bridge.handle(.toolFinished(callID: "c1", output: "shipped")) == [.toRealtime(.functionCallOutput(callID: "c1", output: "shipped"))])
        #expect(bridge.handle(.realtime(.responseDone(responseID: "r1", status: "completed"))) == [.toRealtime(.responseCreate)])
        #expect(bridge.handle(.toolFinished(callID: "unknown", output: "x")) == [])
    }

    @Test("Two tools in one response: response.create only after both")
    func twoTools() {
        var bridge = live()
        _ = bridge.handle(.realtime(.responseCreated(responseID: "r1")))
        _ = bridge.handle(.realtime(.functionCall(callID: "c1", name: "a", arguments: "{}")))
        _ = bridge.handle(.realtime(.functionCall(callID: "c2", name: "b", arguments: "{}")))
        _ = bridge.handle(.realtime(.responseDone(responseID: "r1", status: "completed")))
        #expect(bridge.handle(.toolFinished(callID: "c1", output: "1")) == [.toRealtime(.functionCallOutput(callID: "c1", output: "1"))])
        #expect(
            bridge.handle(.toolFinished(callID: "c2", output: "2")) == [
                .toRealtime(.functionCallOutput(callID: "c2", output: "2")), .toRealtime(.responseCreate),
            ])
    }

    @Test("Transcripts of both sides are recorded; empty ones are not")
    func transcripts() {
        var bridge = live()
        #expect(bridge.handle(.realtime(.inputTranscript(itemID: "i", text: " Where is my order? "))) == [
            .record(TranscriptLine(speaker: .caller, text: "Where is my order?"))
        ])
        #expect(bridge.handle(.realtime(.outputTranscript(responseID: "r", text: "It shipped."))) == [
            .record(TranscriptLine(speaker: .agent, text: "It shipped."))
        ])
        #expect(bridge.handle(.realtime(.inputTranscript(itemID: "i", text: "  "))) == [])
    }

    @Test("stop ends the call; nothing happens after it")
    func stop() {
        var bridge = live()
        #expect(bridge.handle(.twilio(.stop(callSID: "CA1"))) == [.end(.completed)])
        #expect(bridge.handle(media(9)) == [])
        #expect(bridge.phase == .ended)
    }

    @Test("No provider: the call ends as unavailable; a provider lost mid-call ends as provider_lost")
    func providerLost() {
        var connecting = CallBridge()
        _ = connecting.handle(.twilio(.start(start)))
        #expect(connecting.handle(.providerLost(reason: "refused")) == [.end(.unavailable)])
        var bridge = live()
        #expect(bridge.handle(.providerLost(reason: "closed")) == [.end(.providerLost)])
    }

    @Test("Model events before the provider is ready, and a second start, are ignored")
    func ignoresOutOfOrder() {
        var bridge = CallBridge()
        #expect(bridge.handle(.realtime(.speechStarted)) == [])
        _ = bridge.handle(.twilio(.start(start)))
        #expect(bridge.handle(.twilio(.start(start))) == [])
    }

    @Test("A provider dropping mid-call: audio is held, the next is configured with the transcript so far and asked to go on")
    func resumesOnTheNextProvider() {
        var bridge = live()
        _ = bridge.handle(.realtime(.inputTranscript(itemID: "i1", text: "Where is my order A-1001?")))
        _ = bridge.handle(.realtime(.responseCreated(responseID: "r1")))
        _ = bridge.handle(.realtime(.functionCall(callID: "c1", name: "check_order_status", arguments: "{}")))
        #expect(bridge.handle(.providerDropped(reason: "openai dropped")) == [])
        #expect(bridge.phase == .connecting)
        #expect(bridge.handle(media(7)) == [], "held while reconnecting")
        #expect(bridge.handle(.toolFinished(callID: "c1", output: "shipped")) == [], "the old provider's tool call is not the new one's")
        var expected = configuration
        expected.instructions += "\n\n" + VoiceWording(.english).resumption(transcript: [TranscriptLine(speaker: .caller, text: "Where is my order A-1001?")])
        let ready = bridge.handle(.providerReady(provider: "xai", configuration: configuration))
        #expect(ready == [.toRealtime(.sessionUpdate(expected)), .toRealtime(.responseCreate), .toRealtime(.appendAudio("p7"))])
        #expect(expected.instructions.contains("Caller: Where is my order A-1001?"))
        #expect(bridge.provider == "xai" && bridge.statistics.failovers == 1)
        #expect(bridge.handle(.providerLost(reason: "gone")) == [.end(.providerLost)], "lost after having been live: provider_lost")
    }
}
