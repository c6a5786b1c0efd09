import AutopilotCore
import Engine
import Flows
import Foundation
import Storage
import TestSupport
import Testing
import Voice

/// A flow's `call:` step, carried out by the worker through the voice agent against a loopback Twilio Calls API.
@Suite("Outbound calls — the flow step call:")
struct FlowCallStepTests {
    static let flow = """
        id: vip-call
        name: VIP call
        version: 1
        trigger: manual
        reentry: { at_most_every: 1d }
        steps:
          - call: { purpose: "Proposer à {{contact.first_name}} le club VIP" }
        """

    static func voice(_ twilio: LoopbackServer) -> VoiceSettings {
        var settings = VoiceSettings()
        settings.twilio = TwilioCallSettings(accountSID: "AC0123", authToken: "secret-token", from: "+33100000000", baseURL: twilio.baseURL)
        settings.publicBaseURL = "https://shop.example"
        return settings
    }

    /// The worker of the shop with the voice agent placing its calls (a long lease: the wall clock of a loaded machine).
    static func worker(_ shop: VoiceShop, _ twilio: LoopbackServer) throws -> Worker {
        var settings = FlowEngineSettings()
        settings.lease = 3_600
        settings.calls = FlowCalls(settings: voice(twilio), sending: SmartSendingSettings())
        return try Worker(dependencies: shop.dependencies, configuration: WorkerConfiguration(settings: settings))
    }

    static func start(_ shop: VoiceShop, tenantID: String, contact: String, key: String) async throws {
        try await shop.store.saveFlowVersion(
            FlowVersionRecord(tenantID: tenantID, flowID: "vip-call", version: 1, source: flow, createdAt: VoiceShop.now), enabled: true)
        _ = try await FlowRunControl(dependencies: shop.dependencies, tenantID: tenantID).start(flowID: "vip-call", contact: contact, key: key)
    }

    static func seeded() async throws -> VoiceShop {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: VoiceShop.now)
        return try await VoiceShop.seed(store)
    }

    @Test("The step places one call; later passes, a retried action and a crash after the intent place no other")
    func placesOnce() async throws {
        let shop = try await Self.seeded()
        try await LoopbackServer.with(answer: { index in (201, #"{"sid":"CAflow\#(index)","status":"queued"}"#) }) { twilio in
            try await Self.start(shop, tenantID: shop.tenantA, contact: "amina@lumen.example", key: "vip-2026")
            let worker = try Self.worker(shop, twilio)
            for minute in 0..<3 {
                shop.clock.set(VoiceShop.now.addingTimeInterval(Double(minute) * 120))
                _ = try await worker.runDue(now: shop.clock.now())
            }
            #expect(twilio.requests.count == 1)
            let request = try #require(twilio.requests.first)
            #expect(request.path == "/2010-04-01/Accounts/AC0123/Calls.json")
            #expect(request.body.contains("To=%2B33612345678"))
            #expect(request.body.contains("purpose%3DProposer%2520%25C3%25A0%2520Amina"), "the purpose, rendered for the contact, in the answer URL")
            let action = try #require(try await shop.store.flowActions(tenantID: shop.tenantA, kind: "call", status: "done", limit: 5).first)
            let call = try #require(try await shop.log.call("out-" + action.idempotencyKey, tenantID: shop.tenantA))
            #expect(call.status == .placed && call.reason == "twilio:CAflow0" && call.direction == .outbound)
            #expect(call.summary == "Proposer à Amina le club VIP")

            // The same run step again (a worker that died before recording the action): nothing more reaches Twilio.
            let calls = FlowCalls(settings: Self.voice(twilio), sending: SmartSendingSettings())
            let request2 = OutboundCallRequest(
                tenantID: shop.tenantA, contactID: action.contactID, purpose: "x", idempotencyKey: action.idempotencyKey, dueAt: VoiceShop.now)
            #expect(await calls.placeCall(request2, dependencies: shop.dependencies) == .placed(callID: call.callID))
            // A crash after the intent was written and before Twilio answered: the key never asks Twilio again.
            let intent = VoiceCallRecord(
                tenantID: shop.tenantA, callID: "out-run_x/steps[0]", contactID: action.contactID, phone: VoiceShop.amina, direction: .outbound,
                language: .french, status: .inProgress, reason: "placing", startedAt: VoiceShop.now)
            _ = try await shop.log.insertIfAbsent(intent)
            var crashed = request2
            crashed.idempotencyKey = "run_x/steps[0]"
            #expect(await calls.placeCall(crashed, dependencies: shop.dependencies) == .placed(callID: "out-run_x/steps[0]"))
            #expect(twilio.requests.count == 1)
        }
    }

    @Test("Quiet hours defer the step to the contact's morning; no consent refuses it, recorded with the reason; tenants stay apart")
    func defersAndRefuses() async throws {
        let shop = try await Self.seeded()
        try await LoopbackServer.with(answer: { index in (201, #"{"sid":"CAlate\#(index)","status":"queued"}"#) }) { twilio in
            let evening = Timestamp.parse("2026-03-10T20:30:00Z")!  // 21:30 in Paris
            shop.clock.set(evening)
            try await Self.start(shop, tenantID: shop.tenantA, contact: "amina@lumen.example", key: "evening")
            let worker = try Self.worker(shop, twilio)
            _ = try await worker.runDue(now: evening)
            #expect(twilio.requests.isEmpty)
            let pending = try #require(try await shop.store.flowActions(tenantID: shop.tenantA, kind: "call", status: "pending", limit: 5).first)
            let morning = Timestamp.parse("2026-03-11T07:00:00Z")!  // 08:00 in Paris
            #expect(pending.nextAttemptAt == morning)
            #expect(pending.lastError == "deferred: quiet_hours")
            #expect(try await shop.log.call("out-" + pending.idempotencyKey, tenantID: shop.tenantA) == nil, "nothing recorded while deferred")
            shop.clock.set(morning.addingTimeInterval(-60))
            _ = try await worker.runDue(now: shop.clock.now())
            #expect(twilio.requests.isEmpty, "not before the window opens")
            shop.clock.set(morning)
            _ = try await worker.runDue(now: morning)
            #expect(twilio.requests.count == 1)
            #expect(try await shop.store.flowActions(tenantID: shop.tenantA, kind: "call", status: "done", limit: 5).count == 1)

            // Tenant B's Zoé never agreed to be called.
            shop.clock.set(morning.addingTimeInterval(3_600))
            try await Self.start(shop, tenantID: shop.tenantB, contact: "zoe@nord.example", key: "zoe")
            _ = try await worker.runDue(now: shop.clock.now())
            #expect(twilio.requests.count == 1)
            let refused = try #require(try await shop.store.flowActions(tenantID: shop.tenantB, kind: "call", status: "failed", limit: 5).first)
            #expect(refused.lastError?.hasPrefix("refused: no_consent") == true)
            let row = try #require(try await shop.log.call("out-" + refused.idempotencyKey, tenantID: shop.tenantB))
            #expect(row.status == .refused && row.reason?.hasPrefix("no_consent") == true)
            #expect(try await shop.log.call("out-" + refused.idempotencyKey, tenantID: shop.tenantA) == nil)
            #expect(try await shop.store.flowActions(tenantID: shop.tenantA, kind: "call", status: "failed", limit: 5).isEmpty)
        }
    }

    @Test("Without the voice agent, a call step fails saying so")
    func withoutVoiceAgent() async throws {
        let shop = try await Self.seeded()
        try await Self.start(shop, tenantID: shop.tenantA, contact: "amina@lumen.example", key: "none")
        var settings = FlowEngineSettings()
        settings.lease = 3_600
        _ = try await Worker(dependencies: shop.dependencies, configuration: WorkerConfiguration(settings: settings)).runDue(now: VoiceShop.now)
        let failed = try #require(try await shop.store.flowActions(tenantID: shop.tenantA, kind: "call", status: "failed", limit: 5).first)
        #expect(failed.lastError?.contains("no voice agent") == true)
    }

    @Test("The example of docs/voice.md is a valid flow ending with a call")
    func docsExample() throws {
        var root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: root.appendingPathComponent("docs/voice.md").path), root.path != "/" {
            root = root.deletingLastPathComponent()
        }
        let text = try String(contentsOf: root.appendingPathComponent("docs/voice.md"), encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let flow = try FlowDefinition.parse(String(text[start.upperBound..<end.lowerBound]))
        #expect(flow.steps.last?.kind == "call")
    }
}
