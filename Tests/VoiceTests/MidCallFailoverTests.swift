import AutopilotCore
import Foundation
import Storage
import TestSupport
import Testing
import Voice

/// The model's WebSocket drops in the middle of a call: the bridge reaches the next provider, configures it with the
/// transcript so far, and the call goes on — or, with no other provider, the caller hears the apology and is called back.
@Suite("Voice — a provider dropping mid-call", .serialized)
struct MidCallFailoverTests {
    /// Distinct 20 ms frames (base64 μ-law), numbered so their order shows.
    static func frames(_ count: Int, tag: UInt8) -> [String] {
        (0..<count).map { index in
            var bytes = [UInt8](repeating: 0xFF, count: 160)
            bytes[0] = tag
            bytes[1] = UInt8(index % 256)
            bytes[2] = UInt8(index / 256)
            return Data(bytes).base64EncodedString()
        }
    }

    static let said = "Bonjour, je voudrais savoir où en est ma commande A 1001."

    static func script(greeting: UInt8, drop: Int? = nil) -> FakeRealtimeProvider.Script {
        var script = FakeRealtimeProvider.Script(
            greeting: frames(6, tag: greeting), answer: frames(8, tag: greeting + 1), answerText: "Votre commande A 1001 est expédiée.",
            callerSays: "Où en est ma commande ?", orderID: "A-1001", bargeInAfter: 100_000, callAfter: 20)
        script.dropAfter = drop
        script.saysBeforeDrop = drop == nil ? "" : said
        return script
    }

    @Test("The first provider drops after 20 frames: the second is configured with the transcript and the call completes", .timeLimit(.minutes(5)))
    func continuesOnTheNextProvider() async throws {
        let shop = try await VoiceAnswerTests.shop()
        let first = FakeRealtimeProvider(script: Self.script(greeting: 0xA0, drop: 20))
        let second = FakeRealtimeProvider(script: Self.script(greeting: 0xB0))
        // The caller speaks in real time (20 ms frames) until it has heard the answer.
        let caller = Self.frames(3_000, tag: 0x01)
        let received = try await LoopbackWebSocketServer.serve(handler: first.handler) { firstPort in
            try await LoopbackWebSocketServer.serve(handler: second.handler) { secondPort in
                let settings = VoiceSettings(
                    providers: [VoiceCallTests.provider("xai", port: firstPort), VoiceCallTests.provider("openai", port: secondPort, price: 0.1)],
                    connectTimeout: .seconds(10))
                return try await shop.serving(settings) { port in
                    let answered = try await VoiceShop.answer(port: port, callID: "CAdrop", from: VoiceShop.amina)
                    let stream = try #require(VoiceShop.stream(in: answered.body))
                    let start = TwilioStreamStart(streamSID: "MZdrop", callSID: "CAdrop", customParameters: stream.parameters)
                    return try await FakeTwilioCall.run(
                        url: stream.url, start: start, frames: caller, hangUpAfter: 6 + 6 + 8, timeout: .seconds(120), pace: .milliseconds(20))
                }
            }
        }
        #expect(first.record.connections == 1 && second.record.connections == 1)
        // The caller's audio went to the first until it dropped, then (held meanwhile) to the second, in order.
        let before = first.record.appended
        let after = second.record.appended
        #expect(before.count >= 20 && caller.starts(with: before))
        let resumedAt = try #require(after.first.flatMap { caller.firstIndex(of: $0) })
        #expect(resumedAt >= before.count && Array(caller[resumedAt..<(resumedAt + after.count)]) == after, "in order, none twice")
        // The second was configured first, told the call is under way and what was said, and asked to go on.
        let session = try #require(second.record.sessionUpdate?["session"])
        let instructions = session["instructions"]?.stringValue ?? ""
        #expect(instructions.contains("L'appel est déjà en cours"))
        #expect(instructions.contains("Appelant : " + Self.said))
        #expect(second.record.events.first?.type == "session.update")
        #expect(second.record.events.dropFirst().first?.type == "response.create")
        // The caller heard the first's greeting, then the second's, then its answer after the tool ran.
        #expect(received.media == first.script.greeting + second.script.greeting + second.script.answer)
        #expect(second.record.toolOutputs.first?.output.contains("6A123") == true)
        let call = try #require(try await shop.endedCall("CAdrop", tenantID: shop.tenantA))
        #expect(call.status == .completed)
        #expect(call.provider == "openai")
        #expect(call.transcript.first == TranscriptLine(speaker: .caller, text: Self.said))
        #expect(call.transcript.contains(TranscriptLine(speaker: .agent, text: "Votre commande A 1001 est expédiée.")))
    }

    @Test("The provider drops and no other answers: the apology, the call recorded as provider_lost, a callback and its SMS",
        .timeLimit(.minutes(5)))
    func apologisesWhenNoneIsLeft() async throws {
        let shop = try await VoiceAnswerTests.shop()
        let only = FakeRealtimeProvider(script: Self.script(greeting: 0xC0, drop: 15))
        let closed = try LoopbackPort.unused()
        let received = try await LoopbackWebSocketServer.serve(handler: only.handler) { modelPort in
            let settings = VoiceSettings(
                providers: [VoiceCallTests.provider("xai", port: modelPort), VoiceCallTests.provider("openai", port: closed)], connectTimeout: .seconds(10))
            return try await shop.serving(settings) { port in
                let answered = try await VoiceShop.answer(port: port, callID: "CAlost", from: VoiceShop.amina)
                #expect(answered.body.contains(#"</Connect><Say language="fr-FR">Nous sommes désolés"#), "the apology follows the stream")
                let stream = try #require(VoiceShop.stream(in: answered.body))
                let start = TwilioStreamStart(streamSID: "MZlost", callSID: "CAlost", customParameters: stream.parameters)
                return try await FakeTwilioCall.run(url: stream.url, start: start, frames: Self.frames(3_000, tag: 0x02), hangUpAfter: 10_000,
                    timeout: .seconds(120), pace: .milliseconds(20))
            }
        }
        #expect(received.media == only.script.greeting)
        let call = try #require(try await shop.endedCall("CAlost", tenantID: shop.tenantA))
        #expect(call.status == .providerLost)
        #expect(call.transcript == [TranscriptLine(speaker: .caller, text: Self.said)])
        let callbacks = try await shop.store.tasks(tenantID: shop.tenantA, filter: TaskFilter(kind: .callback), limit: 10, offset: 0)
        #expect(callbacks.count == 1)
        let contactID = try #require(call.contactID)
        let messages = try await shop.store.outboxMessages(tenantID: shop.tenantA, contactID: contactID, limit: 10)
        #expect(messages.contains { $0.message.channel == .sms })
    }
}
