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
    @Test("Consent, calling hours and the cap decide; refusals give their reason", arguments: [
        ("2026-03-10T10:00:00Z", true, 0, nil),  // Tuesday 11:00 in Paris
        ("2026-03-10T10:00:00Z", nil, 0, OutboundCallPolicy.Refusal.noConsent),
        ("2026-03-10T10:00:00Z", false, 0, .noConsent),
        ("2026-03-10T20:30:00Z", true, 0, .quietHours),  // 21:30 in Paris
        ("2026-03-10T06:30:00Z", true, 0, .quietHours),  // 07:30 in Paris
        ("2026-03-08T10:00:00Z", true, 0, .sunday),
        ("2026-05-01T10:00:00Z", true, 0, .publicHoliday),
        ("2026-03-10T10:00:00Z", true, 1, .frequencyCap),
    ] as [(String, Bool?, Int, OutboundCallPolicy.Refusal?)])
    func policy(at: String, consent: Bool?, recent: Int, expected: OutboundCallPolicy.Refusal?) {
        let policy = OutboundCallPolicy()
        let refusal = policy.refusal(
            phone: "+33612345678", consent: consent, timeZone: TimeZone(identifier: "Europe/Paris")!, now: Timestamp.parse(at)!, recentCalls: recent)
        #expect(refusal == expected)
        #expect(policy.refusal(phone: nil, consent: true, timeZone: .gmt, now: Date(), recentCalls: 0) == .noPhone)
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
