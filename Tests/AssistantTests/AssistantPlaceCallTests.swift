import Assistant
import AutopilotCore
import Foundation
import LLM
import Server
import Storage
import TestSupport
import Testing
import Tools

/// MAX on the server's registry, which adds the voice agent's `place_call` to the catalogue: a call reaches a person,
/// so MAX shows it as a draft and nothing is placed until someone confirms it.
@Suite("MAX — place_call is a draft")
struct AssistantPlaceCallTests {
    static let arguments = #"{"email":"amina@lumen.example","purpose":"Offre VIP","idempotency_key":"max-vip-1"}"#

    static func voiceCalls(_ shop: AssistantShop) async throws -> Int {
        let rows = try await shop.store.database.read([SQLStatement("SELECT COUNT(*) FROM voice_calls WHERE tenant_id = ?", [.text(shop.tenantA)])])
        return Int(rows.first?.first?.int(0) ?? 0)
    }

    @Test func aCallIsDraftedThenPlacedOnlyOnConfirmation() async throws {
        let script = ProviderScript(kind: .openai)
        let model: LoopbackModelServer.Answer = { body, _ in
            script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "call_vip_1", name: "place_call", arguments: Self.arguments))
                : .ok(script.answer("L'appel n'a pas pu partir : Twilio n'est pas configuré."))
        }
        try await LoopbackModelServer.with(model) { server in
            let shop = try await AssistantShop.inMemory(environment: [
                "OPENAI_API_KEY": "test-key", "OPENAI_BASE_URL": server.baseURL, "AUTOPILOT_LLM_MAX_ATTEMPTS": "1",
            ])
            let assistant = AssistantService(dependencies: shop.dependencies, registry: ServerConfiguration().toolRegistry)
            let caller = shop.user()
            let asked = try await assistant.send(try AssistantMessageInput(text: "Appelle Amina pour l'offre VIP"), caller: caller)
            #expect(script.offeredTools(server.body(0)).contains("place_call"))
            let draft = try #require(asked.pendingDrafts.first)
            #expect(draft.tool == "place_call" && draft.status == .pending)
            #expect(try await Self.voiceCalls(shop) == 0, "nothing is placed before a person confirms")

            let done = try await assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: caller)
            #expect(done.facts.toolRuns.map(\.tool) == ["place_call"])
            #expect(try await Self.voiceCalls(shop) == 1, "refused (no Twilio here) and recorded")
            let readOnly = ServerConfiguration().toolRegistry.tools(for: ToolCaller(kind: .apiKey, name: "ap_read", readOnly: true)).map(\.name)
            #expect(!readOnly.contains("place_call"))
        }
    }
}
