import AutopilotCore
import Foundation
import Storage
import TestSupport
import Testing
import Voice

/// A whole call with real audio: espeak-ng speech as μ-law 8 kHz, a fake Twilio client on a real WebSocket to `serve`,
/// a fake realtime model on another, the tool run for the tenant, and what is recorded after the call.
@Suite("Voice calls — real audio through the bridge", .serialized)
struct VoiceCallTests {
    struct Caller: Sendable {
        var phone: String
        var voice: String
        var says: String
        var agentVoice: String
        var greeting: String
        var answer: String
        var instructionsSay: String
        var language: VoiceLanguage
    }

    static let french = Caller(
        phone: VoiceShop.amina, voice: "fr", says: "Bonjour, où en est ma commande A 1001 ? Je voudrais aussi un devis pour dix lampes, budget 2000 euros.",
        agentVoice: "fr", greeting: "Bonjour, ici l'assistant de l'Atelier Lumen, que puis-je faire pour vous ?",
        answer: "Votre commande A 1001 a été expédiée avec Colissimo.", instructionsSay: "Tu parles français", language: .french)
    static let english = Caller(
        phone: "+14155550100", voice: "en-us", says: "Hello, where is my order A 1001 please?", agentVoice: "en-us",
        greeting: "Hello, this is the assistant of Atelier Lumen, how can I help?", answer: "Your order A 1001 has shipped with Colissimo.",
        instructionsSay: "You speak English", language: .english)

    static func provider(_ name: String, port: Int, price: Double = 0.06) -> RealtimeProvider {
        RealtimeProvider(name: name, url: "ws://127.0.0.1:\(port)/v1/realtime", apiKey: "key-\(name)", pricePerMinuteUSD: price)
    }

    /// Runs one call of `caller` against `provider` (the script's realtime server), `unreachable` providers first.
    static func call(
        _ caller: Caller, shop: VoiceShop, callID: String, failFirst: Bool = false, beta: Bool = false
    ) async throws -> (FakeTwilioCall.Received, FakeRealtimeProvider, [String], VoiceCallRecord?) {
        let callerFrames = try Speech.frames(caller.says, voice: caller.voice)
        let script = FakeRealtimeProvider.Script(
            greeting: try Speech.frames(caller.greeting, voice: caller.agentVoice), answer: try Speech.frames(caller.answer, voice: caller.agentVoice),
            answerText: caller.answer, callerSays: caller.says, orderID: "A-1001", bargeInAfter: 10, callAfter: min(60, callerFrames.count), beta: beta)
        let model = FakeRealtimeProvider(script: script)
        let closedPort = try LoopbackPort.unused()
        return try await LoopbackWebSocketServer.serve(handler: model.handler) { modelPort in
            var providers = [provider("openai", port: modelPort)]
            if failFirst { providers.insert(provider("xai", port: closedPort), at: 0) }
            let settings = VoiceSettings(providers: providers, connectTimeout: .seconds(5))
            return try await shop.serving(settings) { port in
                let answered = try await VoiceShop.answer(port: port, callID: callID, from: caller.phone)
                #expect(answered.status == 200)
                let stream = try #require(VoiceShop.stream(in: answered.body))
                #expect(stream.url == "ws://127.0.0.1:\(port)/v1/voice/stream/\(VoiceShop.tokenA)")
                let start = TwilioStreamStart(streamSID: "MZ" + callID, callSID: callID, accountSID: "AC0123", customParameters: stream.parameters)
                // The call lasts 95 seconds on the shop's clock.
                shop.clock.advance(by: 95)
                let received = try await FakeTwilioCall.run(
                    url: stream.url, start: start, frames: callerFrames, hangUpAfter: script.greeting.count + script.answer.count)
                return (received, model, callerFrames, try await shop.endedCall(callID, tenantID: shop.tenantA))
            }
        }
    }

    @Test(
        "A caller in French, then in English: session, frames both ways, barge-in, tool, transcript, lead and cost",
        .enabled(if: Speech.usable, Speech.skipReason), .timeLimit(.minutes(5)), arguments: [VoiceCallTests.french, VoiceCallTests.english])
    func call(caller: Caller) async throws {
        try #require(Speech.missing.isEmpty, "AUTOPILOT_REQUIRE_SPEECH=1 but missing: \(Speech.missing.joined(separator: ", "))")
        let store = SQLStore(database: try SQLiteDatabase(path: try VoiceFiles.sqlitePath()))
        try await store.migrate(now: VoiceShop.now)
        let shop = try await VoiceShop.seed(store)
        let callID = "CA" + caller.language.rawValue + "0001"
        let (received, model, callerFrames, recorded) = try await Self.call(caller, shop: shop, callID: callID)
        let record = model.record

        // The session: μ-law in and out, server VAD, the tenant's tools, instructions in the caller's language.
        let session = try #require(record.sessionUpdate?["session"])
        #expect(session["audio"]?["input"]?["format"]?["type"] == "audio/pcmu")
        #expect(session["audio"]?["output"]?["format"]?["type"] == "audio/pcmu")
        #expect(session["audio"]?["input"]?["turn_detection"]?["type"] == "server_vad")
        let toolNames = session["tools"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(toolNames.contains("check_order_status"))
        #expect(session["instructions"]?.stringValue?.contains(caller.instructionsSay) == true)
        #expect(session["instructions"]?.stringValue?.contains("Atelier Lumen") == true)
        #expect(record.events.first?.type == "session.update", "the session is configured before any audio")

        // Caller → model: every frame, in order, unchanged.
        #expect(record.appended == callerFrames)
        // Model → caller: the greeting until the barge-in, a clear, then the answer, in order; all on the call's stream.
        let clearIndex = try #require(received.commands.firstIndex(of: .clear))
        func media(_ commands: ArraySlice<TwilioStreamCommand>) -> [String] {
            commands.compactMap { command -> String? in
                if case .media(let payload) = command { return payload }
                return nil
            }
        }
        let before = media(received.commands[..<clearIndex])
        let after = media(received.commands[clearIndex...])
        #expect(before == model.script.greeting)
        #expect(after == model.script.answer)
        #expect(received.clears == 1)
        #expect(received.streamSIDs == ["MZ" + callID])
        #expect(record.count("response.cancel") == 1)
        let cancelIndex = try #require(record.events.firstIndex { $0.type == "response.cancel" })
        #expect(record.events[..<cancelIndex].filter { $0.type == "input_audio_buffer.append" }.count >= model.script.bargeInAfter)

        // The tool ran for tenant A and its answer went back, followed by response.create.
        let output = try #require(record.toolOutputs.first)
        #expect(output.callID == "call_order")
        #expect(output.output.contains("A-1001") && output.output.contains("6A123"))
        let outputIndex = try #require(record.events.firstIndex { $0.type == "conversation.item.create" })
        #expect(record.events[(outputIndex + 1)...].contains { $0.type == "response.create" })

        // After the call: the row, the transcript on the timeline, the lead, the cost beside the LLM costs.
        let call = try #require(recorded)
        #expect(call.status == .completed)
        #expect(call.provider == "openai")
        #expect(call.language == caller.language)
        #expect(call.durationSeconds == 95)
        #expect(abs(call.costUSD - 95.0 / 60 * 0.06) < 1e-9)
        #expect(call.transcript == [TranscriptLine(speaker: .caller, text: caller.says), TranscriptLine(speaker: .agent, text: caller.answer)])
        #expect(call.summary?.isEmpty == false)
        let contactID = try #require(call.contactID)
        let timeline = try await store.events(EventQuery(contactID: contactID, type: .conversationMessage, limit: 10), tenantID: shop.tenantA)
        #expect(Set(timeline.events.compactMap { $0.properties["text"]?.stringValue }) == [caller.says, caller.answer])
        let qualified = try await store.events(EventQuery(contactID: contactID, type: .leadQualified, limit: 10), tenantID: shop.tenantA)
        let lead = try #require(qualified.events.first)
        #expect(lead.properties["source"] == "voice")
        #expect(lead.properties["tier"]?.stringValue == call.leadTier)
        let costs = try await store.llmCalls(tenantID: shop.tenantA, from: VoiceShop.now.addingTimeInterval(-60), to: VoiceShop.now.addingTimeInterval(3_600))
        #expect(costs.contains { $0.feature == "voice_call" && $0.provider == "openai" && abs($0.costUSD - call.costUSD) < 1e-9 })
        // Tenant B saw nothing of it.
        #expect(try await shop.log.calls(tenantID: shop.tenantB, from: .distantPast, to: .distantFuture).isEmpty)
    }

    @Test("The first provider cannot be reached: the call goes to the second", .enabled(if: Speech.usable, Speech.skipReason), .timeLimit(.minutes(5)))
    func failover() async throws {
        try #require(Speech.missing.isEmpty, "AUTOPILOT_REQUIRE_SPEECH=1 but missing: \(Speech.missing.joined(separator: ", "))")
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        let shop = try await VoiceShop.seed(store)
        let (received, model, callerFrames, recorded) = try await Self.call(Self.french, shop: shop, callID: "CAfailover", failFirst: true, beta: true)
        #expect(model.record.connections == 1)
        #expect(model.record.appended == callerFrames)
        #expect(received.media == model.script.greeting + model.script.answer)
        let call = try #require(recorded)
        #expect(call.provider == "openai")
        #expect(call.status == .completed)
    }
}

enum VoiceFiles {
    /// A fresh SQLite file in the temporary directory.
    static func sqlitePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("autopilot-voice-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("shop.sqlite").path
    }
}
