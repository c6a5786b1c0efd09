import AutopilotCore
import Testing

@testable import Voice

@Suite("Voice codecs: Twilio Media Streams and OpenAI Realtime events")
struct CodecTests {
    @Test("Twilio's start message gives the call, the stream and the custom parameters")
    func readsStart() throws {
        let text = """
            {"event":"start","sequenceNumber":"1","start":{"accountSid":"AC1","streamSid":"MZ1","callSid":"CA1","tracks":["inbound"],
            "customParameters":{"from":"+33612345678","tenant":"t1"},"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}},
            "streamSid":"MZ1"}
            """
        guard case .start(let start) = try TwilioStreamMessage.decode(text) else { Issue.record("not a start"); return }
        #expect(start.streamSID == "MZ1")
        #expect(start.callSID == "CA1")
        #expect(start.customParameters == ["from": "+33612345678", "tenant": "t1"])
        #expect(start.encoding == "audio/x-mulaw")
        #expect(start.sampleRate == 8000)
    }

    @Test("media, mark, dtmf, stop and connected are read; numbers may be strings")
    func readsOthers() throws {
        #expect(
            try TwilioStreamMessage.decode(#"{"event":"media","media":{"track":"inbound","chunk":"2","timestamp":"20","payload":"//8="}}"#)
                == .media(TwilioMediaFrame(chunk: 2, timestamp: 20, payload: "//8=")))
        #expect(try TwilioStreamMessage.decode(#"{"event":"mark","mark":{"name":"response-1"}}"#) == .mark(name: "response-1"))
        #expect(try TwilioStreamMessage.decode(#"{"event":"dtmf","dtmf":{"track":"inbound_track","digit":"5"}}"#) == .dtmf(digit: "5"))
        #expect(try TwilioStreamMessage.decode(#"{"event":"stop","stop":{"callSid":"CA1"}}"#) == .stop(callSID: "CA1"))
        #expect(try TwilioStreamMessage.decode(#"{"event":"connected","protocol":"Call","version":"1.0.0"}"#) == .connected(protocolName: "Call", version: "1.0.0"))
    }

    @Test("The hot path reads audio frames as the full parser would: spaces, key order, escapes and look-alike values")
    func fastPathAgreesWithTheParser() throws {
        let spaced = #"{ "event" : "media", "sequenceNumber": "3", "media": { "track": "inbound", "chunk": "1", "timestamp": "5", "payload": "no+JxuJ/8A==" }, "streamSid": "MZ1" }"#
        #expect(try TwilioStreamMessage.decode(spaced) == .media(TwilioMediaFrame(chunk: 1, timestamp: 5, payload: "no+JxuJ/8A==")))
        let reordered = #"{"streamSid":"MZ1","media":{"payload":"AAEC","timestamp":"40","chunk":"3"},"event":"media"}"#
        #expect(try TwilioStreamMessage.decode(reordered) == .media(TwilioMediaFrame(chunk: 3, timestamp: 40, payload: "AAEC")))
        // An escape in the value: the full parser reads it.
        let escaped = #"{"event":"media","media":{"payload":"AA\/EC"}}"#
        #expect(try TwilioStreamMessage.decode(escaped) == .media(TwilioMediaFrame(chunk: 0, timestamp: 0, payload: "AA/EC")))
        // A value that looks like a key is not taken for one.
        #expect(try TwilioStreamMessage.decode(#"{"event":"mark","mark":{"name":"payload"}}"#) == .mark(name: "payload"))
        let delta = #"{"type": "response.output_audio.delta", "event_id": "e1", "response_id": "r\"1", "delta": "//79"}"#
        #expect(try RealtimeServerEvent.decode(delta) == .audioDelta(responseID: "r\"1", delta: "//79"))
        let nested = #"{"session":{"type":"realtime"},"type":"session.created"}"#
        #expect(try RealtimeServerEvent.decode(nested) == .sessionCreated)
        #expect(RealtimeClientEvent.appendedAudio(in: RealtimeClientEvent.appendAudio("//8=").encoded()) == "//8=")
        // Audio that is not base64 is refused (so the encoders may write audio without escaping it).
        #expect(throws: VoiceProtocolError.self) { try TwilioStreamMessage.decode(#"{"event":"media","media":{"payload":"a\"},\"b"}}"#) }
        #expect(throws: VoiceProtocolError.self) { try RealtimeServerEvent.decode(#"{"type":"response.audio.delta","response_id":"r","delta":"x\ny"}"#) }
        let frame = TwilioMediaFrame(chunk: 7, timestamp: 140, payload: "//8=")
        #expect(try TwilioStreamMessage.decode(TwilioStreamMessage.media(frame).encoded(streamSID: "MZ1", sequenceNumber: 9)) == .media(frame))
    }

    @Test("A bad Twilio message names the field", arguments: [
        (#"{"event":"media","media":{}}"#, "media.payload"), (#"{"event":"bogus"}"#, "event"), (#"[1]"#, "$"), ("nope", "$"),
        (#"{"event":"start","start":{"streamSid":"MZ"}}"#, "start.callSid"),
    ] as [(String, String)])
    func refusesBadTwilio(text: String, field: String) {
        #expect(throws: VoiceProtocolError.self) { try TwilioStreamMessage.decode(text) }
        do { _ = try TwilioStreamMessage.decode(text) } catch { #expect(error.field == field) }
    }

    @Test("What goes back to Twilio: media, mark, clear, each with the stream id")
    func writesCommands() throws {
        for command in [TwilioStreamCommand.media(payload: "AAEC"), .mark(name: "m1"), .clear] {
            let decoded = try TwilioStreamCommand.decode(command.encoded(streamSID: "MZ9"))
            #expect(decoded.streamSID == "MZ9")
            #expect(decoded.command == command)
        }
        #expect(TwilioStreamCommand.clear.encoded(streamSID: "MZ9") == #"{"event":"clear","streamSid":"MZ9"}"#)
    }

    @Test("A Twilio message written by the fake client reads back the same")
    func roundTripsTwilio() throws {
        let messages: [TwilioStreamMessage] = [
            .start(TwilioStreamStart(streamSID: "MZ1", callSID: "CA1", customParameters: ["from": "+1555", "tenant": "t"])),
            .media(TwilioMediaFrame(chunk: 3, timestamp: 40, payload: "f39/")), .mark(name: "x"), .dtmf(digit: "#"), .stop(callSID: "CA1"),
        ]
        for message in messages { #expect(try TwilioStreamMessage.decode(message.encoded(streamSID: "MZ1", sequenceNumber: 4)) == message) }
    }

    @Test("GA and beta event names read the same", arguments: [
        (#"{"type":"response.output_audio.delta","response_id":"r1","delta":"AAA="}"#, RealtimeServerEvent.audioDelta(responseID: "r1", delta: "AAA=")),
        (#"{"type":"response.audio.delta","response_id":"r1","delta":"AAA="}"#, .audioDelta(responseID: "r1", delta: "AAA=")),
        (#"{"type":"response.output_audio.done","response_id":"r1"}"#, .audioDone(responseID: "r1")),
        (#"{"type":"response.audio.done","response_id":"r1"}"#, .audioDone(responseID: "r1")),
        (#"{"type":"response.output_audio_transcript.done","response_id":"r1","transcript":"Bonjour"}"#, .outputTranscript(responseID: "r1", text: "Bonjour")),
        (#"{"type":"response.audio_transcript.done","response_id":"r1","transcript":"Bonjour"}"#, .outputTranscript(responseID: "r1", text: "Bonjour")),
        (#"{"type":"input_audio_buffer.speech_started","audio_start_ms":10}"#, .speechStarted),
        (#"{"type":"conversation.item.input_audio_transcription.completed","item_id":"i1","transcript":"Hello"}"#, .inputTranscript(itemID: "i1", text: "Hello")),
        (#"{"type":"response.function_call_arguments.done","call_id":"c1","name":"check_order_status","arguments":"{\"order_id\":\"1001\"}"}"#,
         .functionCall(callID: "c1", name: "check_order_status", arguments: #"{"order_id":"1001"}"#)),
        (#"{"type":"response.done","response":{"id":"r1","status":"cancelled"}}"#, .responseDone(responseID: "r1", status: "cancelled")),
        (#"{"type":"error","error":{"type":"invalid_request_error","code":"bad","message":"no"}}"#, .error(code: "bad", message: "no")),
        (#"{"type":"rate_limits.updated"}"#, .other(type: "rate_limits.updated")),
    ] as [(String, RealtimeServerEvent)])
    func readsRealtime(text: String, expected: RealtimeServerEvent) throws {
        #expect(try RealtimeServerEvent.decode(text) == expected)
    }

    @Test("A realtime event without its fields is refused with the field's name")
    func refusesBadRealtime() {
        do {
            _ = try RealtimeServerEvent.decode(#"{"type":"response.output_audio.delta"}"#)
            Issue.record("accepted")
        } catch { #expect(error.field == "delta") }
        do {
            _ = try RealtimeServerEvent.decode(#"{"no":"type"}"#)
            Issue.record("accepted")
        } catch { #expect(error.field == "type") }
    }

    @Test("session.update: μ-law in and out, server VAD, tools and instructions; GA and beta spellings")
    func writesSessionUpdate() throws {
        let configuration = RealtimeSessionConfiguration(
            instructions: "Tu parles français.", voice: "Eve",
            tools: [RealtimeTool(name: "check_order_status", description: "order", parameters: ["type": "object"])], language: "fr")
        let ga = try JSONParser.parse(RealtimeClientEvent.sessionUpdate(configuration).encoded())
        #expect(ga["type"] == "session.update")
        #expect(ga["session"]?["audio"]?["input"]?["format"]?["type"] == "audio/pcmu")
        #expect(ga["session"]?["audio"]?["output"]?["format"]?["type"] == "audio/pcmu")
        #expect(ga["session"]?["audio"]?["input"]?["turn_detection"]?["type"] == "server_vad")
        #expect(ga["session"]?["tools"]?[0]?["name"] == "check_order_status")
        #expect(ga["session"]?["tools"]?[0]?["type"] == "function")
        #expect(ga["session"]?["instructions"] == "Tu parles français.")
        let beta = try JSONParser.parse(RealtimeClientEvent.sessionUpdate(configuration).encoded(dialect: .beta))
        #expect(beta["session"]?["input_audio_format"] == "g711_ulaw")
        #expect(beta["session"]?["output_audio_format"] == "g711_ulaw")
        #expect(beta["session"]?["turn_detection"]?["type"] == "server_vad")
    }

    @Test("Audio, tool output, response.create and response.cancel are written as the protocol says")
    func writesClientEvents() throws {
        let append = try JSONParser.parse(RealtimeClientEvent.appendAudio("f39/").encoded())
        #expect(append == ["type": "input_audio_buffer.append", "audio": "f39/"])
        let output = try JSONParser.parse(RealtimeClientEvent.functionCallOutput(callID: "c1", output: #"{"ok":true}"#).encoded())
        #expect(output["type"] == "conversation.item.create")
        #expect(output["item"]?["type"] == "function_call_output")
        #expect(output["item"]?["call_id"] == "c1")
        #expect(output["item"]?["output"] == #"{"ok":true}"#)
        #expect(try JSONParser.parse(RealtimeClientEvent.responseCreate.encoded()) == ["type": "response.create"])
        #expect(try JSONParser.parse(RealtimeClientEvent.responseCancel.encoded()) == ["type": "response.cancel"])
    }

    @Test("TwiML: the stream with its parameters, the apology after it, everything escaped")
    func writesTwiML() {
        let xml = TwiML.connectStream(
            url: "wss://shop.example/v1/voice/stream/tok", parameters: [("from", "+33612345678"), ("tenant", "a&b")], apology: VoiceWording(.french))
        #expect(xml.contains(#"<Connect><Stream url="wss://shop.example/v1/voice/stream/tok">"#))
        #expect(xml.contains(#"<Parameter name="from" value="+33612345678"/>"#))
        #expect(xml.contains(#"<Parameter name="tenant" value="a&amp;b"/>"#))
        #expect(xml.contains(#"<Say language="fr-FR">Nous sommes désolés"#))
        #expect(TwiML.apology(VoiceWording(.english)).contains(#"<Say language="en-US">We are sorry"#))
    }

    @Test("The call's language: the contact's locale, else the number's country", arguments: [
        ("+33612345678", nil, VoiceLanguage.french), ("+14155550100", nil, .english), ("0033612345678", nil, .french),
        ("+32470123456", nil, .french), ("+33612345678", "en-GB", .english), ("+14155550100", "fr_CA", .french), (nil, nil, .english),
    ] as [(String?, String?, VoiceLanguage)])
    func language(phone: String?, locale: String?, expected: VoiceLanguage) {
        #expect(VoiceLanguage.of(phone: phone, locale: locale) == expected)
    }
}
