import AutopilotCore
import Engine
import Flows
import Foundation
import Storage
import TestSupport
import Testing
import Tools
import Voice

@Suite("Outbound calls — place_call through Twilio's Calls API")
struct OutboundCallTests {
    @Test("The SMS rules of smart sending decide: consent, STOP, calling hours in the contact's zone, the call cap", arguments: [
        ("2026-03-10T10:00:00Z", true, 0, "call"),  // Tuesday 11:00 in Paris
        ("2026-03-10T10:00:00Z", nil, 0, "never no_consent"),
        ("2026-03-10T10:00:00Z", false, 0, "never no_consent"),
        ("2026-03-10T20:30:00Z", true, 0, "later 2026-03-11T07:00:00Z quiet_hours"),  // 21:30 in Paris: tomorrow 08:00
        ("2026-03-10T06:30:00Z", true, 0, "later 2026-03-10T07:00:00Z quiet_hours"),  // 07:30 in Paris
        ("2026-03-08T10:00:00Z", true, 0, "later 2026-03-09T07:00:00Z sunday"),
        ("2026-05-01T10:00:00Z", true, 0, "later 2026-05-02T06:00:00Z public_holiday"),
        ("2026-03-10T10:00:00Z", true, 1, "later 2026-03-13T09:00:00Z frequency_cap"),  // the call of an hour ago, 72 h cap
    ] as [(String, Bool?, Int, String)])
    func policy(at: String, consent: Bool?, recent: Int, expected: String) {
        let policy = OutboundCallPolicy()
        let now = Timestamp.parse(at)!
        let contact = RecipientFacts(
            reachableChannels: [.sms], consents: consent.map { [.sms: ConsentState(granted: $0, at: now, source: "test")] } ?? [:],
            timeZone: TimeZone(identifier: "Europe/Paris"))
        let calls = recent > 0 ? [now.addingTimeInterval(-3_600)] : []
        let decision =
            switch policy.decide(contact: contact, recentCalls: calls, now: now) {
            case .call: "call"
            case .later(let until, let refusal): "later \(Timestamp.format(until)) \(refusal.rawValue)"
            case .never(let refusal): "never \(refusal.rawValue)"
            }
        #expect(decision == expected)
        #expect(policy.decide(contact: RecipientFacts(reachableChannels: []), recentCalls: [], now: now) == .never(.noPhone))
        var stopped = contact
        stopped.unsubscribed = [.sms]
        #expect(policy.decide(contact: stopped, recentCalls: [], now: now) == .never(.unsubscribed))
    }

    @Test("place_call posts to Twilio once per key, then the cap, quiet hours and consent refuse, each recorded")
    func placesThroughTwilio() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        let shop = try await VoiceShop.seed(store)
        try await LoopbackServer.with(answer: { index in (201, #"{"sid":"CAout\#(index)","status":"queued","to":"+33612345678"}"#) }) { twilio in
            var settings = VoiceSettings()
            settings.twilio = TwilioCallSettings(accountSID: "AC0123", authToken: "secret-token", from: "+33100000000", baseURL: twilio.baseURL)
            settings.publicBaseURL = "https://shop.example"
            let registry = ToolRegistry(tools: VoiceTools.all(settings: settings))
            func call(_ arguments: JSONValue, tenantID: String? = nil) async -> ToolResult {
                await registry.call(
                    "place_call", arguments: arguments,
                    context: ToolContext(
                        tenantID: tenantID ?? shop.tenantA, dependencies: shop.dependencies, caller: ToolCaller(kind: .apiKey, name: "ap_test")))
            }
            let placed = await call(["email": "amina@lumen.example", "purpose": "Offre VIP", "idempotency_key": "vip-1"])
            #expect(placed.value?["status"] == "placed")
            #expect(placed.value?["reason"] == "twilio:CAout0")
            let again = await call(["email": "amina@lumen.example", "purpose": "Offre VIP", "idempotency_key": "vip-1"])
            #expect(again == placed)
            #expect(twilio.requests.count == 1)
            let request = try #require(twilio.requests.first)
            #expect(request.path == "/2010-04-01/Accounts/AC0123/Calls.json")
            #expect(request.authorization == "Basic " + Data("AC0123:secret-token".utf8).base64EncodedString())
            #expect(request.body.contains("To=%2B33612345678"))
            #expect(request.body.contains("From=%2B33100000000"))
            #expect(request.body.contains("Url=https%3A%2F%2Fshop.example%2Fv1%2Fvoice%2Ftwilio%2F\(VoiceShop.tokenA)%3Fpurpose%3DOffre"))
            #expect(request.body.contains("Method=POST"))

            let capped = await call(["phone": .string(VoiceShop.amina), "purpose": "Rappel", "idempotency_key": "vip-2"])
            #expect(capped.value?["status"] == "refused")
            #expect(capped.value?["reason"]?.stringValue?.hasPrefix("frequency_cap") == true)
            shop.clock.set(Timestamp.parse("2026-03-20T20:30:00Z")!)
            let late = await call(["phone": .string(VoiceShop.amina), "purpose": "Rappel", "idempotency_key": "vip-3"])
            #expect(late.value?["reason"]?.stringValue?.hasPrefix("quiet_hours") == true)
            #expect(late.value?["reason"]?.stringValue?.hasSuffix("(allowed from 2026-03-21T07:00:00Z)") == true)
            shop.clock.set(Timestamp.parse("2026-03-20T10:00:00Z")!)
            let zoe = await call(["phone": "+33698765432", "purpose": "Offre", "idempotency_key": "nord-1"], tenantID: shop.tenantB)
            #expect(zoe.value?["reason"]?.stringValue?.hasPrefix("no_consent") == true)
            let foreign = await call(["phone": "+33698765432", "purpose": "Offre", "idempotency_key": "x-1"])
            #expect(foreign.error?.code == "contact_not_found", "tenant A cannot call tenant B's contact")
            let empty = await call(["purpose": "Offre"])
            #expect(empty.error?.path == "$.contact_id")
            #expect(twilio.requests.count == 1)
        }
        let refused = try await shop.log.calls(tenantID: shop.tenantA, from: .distantPast, to: .distantFuture).filter { $0.status == .refused }
        #expect(refused.count == 2)
        #expect(try await shop.log.call("out-nord-1", tenantID: shop.tenantB)?.status == .refused)
    }

    @Test("Without Twilio settings, place_call is refused saying what is missing")
    func notConfigured() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        let shop = try await VoiceShop.seed(store)
        let result = await ToolRegistry(tools: VoiceTools.all(settings: VoiceSettings())).call(
            "place_call", arguments: ["email": "amina@lumen.example", "purpose": "VIP"],
            context: ToolContext(tenantID: shop.tenantA, dependencies: shop.dependencies, caller: ToolCaller(kind: .apiKey, name: "ap_test")))
        #expect(result.value?["status"] == "refused")
        #expect(result.value?["reason"]?.stringValue?.contains("TWILIO_ACCOUNT_SID") == true)
    }
}
