import AutopilotCore
import Foundation
import Storage
import TestSupport
import Testing
import Voice

/// The voice webhook and the stream's edges: signatures, limits, the apology when no model answers, tenants apart.
@Suite("Voice — answering, refusing and apologising")
struct VoiceAnswerTests {
    static let silence = Array(repeating: Data(repeating: 0xFF, count: 160).base64EncodedString(), count: 25)

    static func shop(_ store: SQLStore? = nil) async throws -> VoiceShop {
        let store = try store ?? SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        return try await VoiceShop.seed(store)
    }

    static func unreachable() throws -> VoiceSettings {
        VoiceSettings(providers: [
            RealtimeProvider(name: "xai", url: "ws://127.0.0.1:\(try LoopbackPort.unused())/v1/realtime", apiKey: "k", pricePerMinuteUSD: 0.05),
            RealtimeProvider(name: "openai", url: "ws://127.0.0.1:\(try LoopbackPort.unused())/v1/realtime", apiKey: "k", pricePerMinuteUSD: 0.1),
        ])
    }

    @Test("A bad signature is 401, an unknown token 404, a missing CallSid 400 naming the field")
    func refusesBadRequests() async throws {
        let shop = try await Self.shop()
        try await shop.serving(try Self.unreachable()) { port in
            let forged = try await VoiceShop.answer(port: port, callID: "CA1", from: VoiceShop.amina, signature: "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA==")
            #expect(forged.status == 401)
            let wrongSecret = try await VoiceShop.answer(port: port, secret: "another-secret", callID: "CA1", from: VoiceShop.amina)
            #expect(wrongSecret.status == 401)
            let unknown = try await VoiceShop.answer(port: port, token: "no-such-token-000000000000", callID: "CA1", from: VoiceShop.amina)
            #expect(unknown.status == 404)
            let missing = try await VoiceShop.answer(port: port, callID: "", from: VoiceShop.amina)
            #expect(missing.status == 400 || missing.status == 422)
            #expect(missing.body.contains("CallSid"))
        }
        #expect(try await shop.log.calls(tenantID: shop.tenantA, from: .distantPast, to: .distantFuture).isEmpty)
    }

    @Test("No provider answers: the stream ends, the caller hears the apology in French, a callback task and an SMS are made")
    func apologisesWhenNoProvider() async throws {
        let shop = try await Self.shop()
        let settings = try Self.unreachable()
        try await shop.serving(settings) { port in
            let answered = try await VoiceShop.answer(port: port, callID: "CAdown", from: VoiceShop.amina)
            #expect(answered.status == 200)
            #expect(answered.body.contains(#"</Connect><Say language="fr-FR">Nous sommes désolés"#))
            let stream = try #require(VoiceShop.stream(in: answered.body))
            let start = TwilioStreamStart(streamSID: "MZdown", callSID: "CAdown", customParameters: stream.parameters)
            let received = try await FakeTwilioCall.run(url: stream.url, start: start, frames: Self.silence, hangUpAfter: 1, timeout: .seconds(180))
            #expect(received.media.isEmpty)
        }
        let call = try #require(try await shop.endedCall("CAdown", tenantID: shop.tenantA))
        #expect(call.status == .unavailable)
        #expect(call.provider == nil)
        let callbacks = try await shop.store.tasks(tenantID: shop.tenantA, filter: TaskFilter(kind: .callback), limit: 10, offset: 0)
        #expect(callbacks.count == 1)
        let contactID = try #require(call.contactID)
        let messages = try await shop.store.outboxMessages(tenantID: shop.tenantA, contactID: contactID, limit: 10)
        #expect(messages.contains { $0.message.channel == .sms })
    }

    @Test("No provider configured, or over a limit: the apology alone, the call recorded with its reason")
    func apologisesOverLimits() async throws {
        let shop = try await Self.shop()
        try await shop.serving(VoiceSettings(providers: [])) { port in
            let answered = try await VoiceShop.answer(port: port, callID: "CAnone", from: "+14155550100")
            #expect(answered.status == 200)
            #expect(!answered.body.contains("<Connect>"))
            #expect(answered.body.contains(#"<Say language="en-US">We are sorry"#))
        }
        #expect(try await shop.log.call("CAnone", tenantID: shop.tenantA)?.status == .unavailable)

        var limited = try Self.unreachable()
        limited.maximumMinutesPerMonth = 1
        try await shop.log.save(
            VoiceCallRecord(
                tenantID: shop.tenantA, callID: "CAearlier", phone: VoiceShop.amina, direction: .inbound, language: .french, status: .completed,
                startedAt: VoiceShop.now.addingTimeInterval(-3_600), durationSeconds: 61))
        try await shop.serving(limited) { port in
            let answered = try await VoiceShop.answer(port: port, callID: "CAminutes", from: VoiceShop.amina)
            #expect(!answered.body.contains("<Connect>"))
            #expect(answered.body.contains("Nous sommes désolés"))
            let other = try await VoiceShop.answer(port: port, token: VoiceShop.tokenB, secret: VoiceShop.secretB, callID: "CAb", from: "+33698765432")
            #expect(other.body.contains("<Connect>"), "tenant B's minutes are its own")
        }
        let refused = try #require(try await shop.log.call("CAminutes", tenantID: shop.tenantA))
        #expect(refused.status == .refused)
        #expect(refused.reason?.contains("VOICE_MAX_MINUTES_PER_MONTH") == true)

        var busy = try Self.unreachable()
        busy.maximumConcurrentCalls = 0
        try await shop.serving(busy) { port in
            _ = try await VoiceShop.answer(port: port, callID: "CAbusy", from: VoiceShop.amina)
        }
        #expect(try await shop.log.call("CAbusy", tenantID: shop.tenantA)?.reason?.contains("VOICE_MAX_CONCURRENT_CALLS") == true)
    }

    @Test("A stream whose key is not its tenant's is refused before any model is reached")
    func refusesForeignStream() async throws {
        let shop = try await Self.shop()
        let model = FakeRealtimeProvider(
            script: .init(greeting: [], answer: [], answerText: "", callerSays: "", orderID: "A-1001"))
        try await LoopbackWebSocketServer.serve(handler: model.handler) { modelPort in
            let settings = VoiceSettings(providers: [
                RealtimeProvider(name: "openai", url: "ws://127.0.0.1:\(modelPort)/v1/realtime", apiKey: "k", pricePerMinuteUSD: 0.1)
            ])
            try await shop.serving(settings) { port in
                let answered = try await VoiceShop.answer(port: port, callID: "CAforeign", from: VoiceShop.amina)
                var stream = try #require(VoiceShop.stream(in: answered.body))
                // Tenant A's parameters on tenant B's stream URL, then a forged key on tenant A's.
                let foreign = stream.url.replacingOccurrences(of: VoiceShop.tokenA, with: VoiceShop.tokenB)
                let start = TwilioStreamStart(streamSID: "MZf", callSID: "CAforeign", customParameters: stream.parameters)
                _ = try await FakeTwilioCall.run(url: foreign, start: start, frames: Self.silence, hangUpAfter: 1, timeout: .seconds(20))
                stream.parameters["key"] = "Zm9yZ2VkIGtleSBmb3JnZWQga2V5IGZvcmdlZCBrZXk="
                let forged = TwilioStreamStart(streamSID: "MZg", callSID: "CAforeign", customParameters: stream.parameters)
                _ = try await FakeTwilioCall.run(url: stream.url, start: forged, frames: Self.silence, hangUpAfter: 1, timeout: .seconds(20))
            }
        }
        #expect(model.record.connections == 0)
        #expect(try await shop.log.calls(tenantID: shop.tenantB, from: .distantPast, to: .distantFuture).isEmpty)
        #expect(try await shop.log.call("CAforeign", tenantID: shop.tenantA)?.status == .inProgress)
    }

    @Test("POST /v1/voice/calls places (or refuses) with the tenant's key; GET lists the tenant's calls only")
    func callsAPI() async throws {
        let shop = try await Self.shop()
        try await shop.serving(VoiceSettings()) { port in
            let refused = try await VoiceShop.api(
                port: port, "POST", "/v1/voice/calls", key: shop.apiKeyA, body: #"{"email":"amina@lumen.example","purpose":"VIP","idempotency_key":"k1"}"#)
            #expect(refused.status == 200)
            #expect(refused.body.contains(#""status":"refused""#) && refused.body.contains("TWILIO_ACCOUNT_SID"))
            let bad = try await VoiceShop.api(port: port, "POST", "/v1/voice/calls", key: shop.apiKeyA, body: #"{"email":"amina@lumen.example"}"#)
            #expect(bad.status == 400 || bad.status == 422)
            #expect(bad.body.contains("purpose"))
            let noKey = try await VoiceShop.api(port: port, "GET", "/v1/voice/calls", key: "ap_wrong")
            #expect(noKey.status == 401)
            let listA = try await VoiceShop.api(port: port, "GET", "/v1/voice/calls", key: shop.apiKeyA)
            #expect(listA.status == 200 && listA.body.contains(#""call_id":"out-k1""#))
            let listB = try await VoiceShop.api(port: port, "GET", "/v1/voice/calls", key: shop.apiKeyB)
            #expect(listB.body == #"{"calls":[]}"#)
        }
    }
}
