import Assistant
import AutopilotCore
import Foundation
import LLM
import Storage
import TestSupport
import Testing

/// MAX end to end with a language model: a loopback provider on 127.0.0.1 speaking each vendor's documented
/// tool-calling format, the gateway configured as `autopilot serve` configures it, the real tools and store.
@Suite("MAX over loopback providers")
struct AssistantOverHTTPTests {
    static let seed = "MAX, crée-moi un email de relance pour les leads froids"
    static let arguments = #"{"request":"un email de relance pour les leads froids","channel":"email","locale":"fr"}"#
    static let written: JSONValue = [
        "name": "relance-leads-froids", "description": "Relance des leads froids",
        "subject": "Toujours partant ?", "body": "Bonjour,\nnous revenons vers vous.\n{{links.unsubscribe}}",
    ]

    /// The model asks for `create_template_draft`; the draft tool's own call gets the written template; once the tool's
    /// result is back, the model answers.
    static func model(_ script: ProviderScript) -> LoopbackModelServer.Answer {
        { body, _ in
            if script.asksForStructuredOutput(body) { return .ok(script.structuredAnswer(written, toolName: "template_draft")) }
            return script.trailingToolResults(body).isEmpty
                ? .ok(script.toolCall(id: "call_draft_1", name: "create_template_draft", arguments: arguments))
                : .ok(script.answer("Le brouillon « relance-leads-froids » est prêt : relisez-le dans Modèles."))
        }
    }

    static func environment(_ script: ProviderScript, _ baseURL: String) -> [String: String] {
        let name = script.kind.rawValue.uppercased()
        return ["\(name)_API_KEY": "test-key", "\(name)_BASE_URL": baseURL, "AUTOPILOT_LLM_MAX_ATTEMPTS": "1"]
    }

    @Test(arguments: [ProviderKind.openai, .xai, .anthropic, .gemini].map(ProviderScript.init))
    func theSeedRequestGivesADraftThatIsCreatedOnlyAfterConfirmation(script: ProviderScript) async throws {
        try await LoopbackModelServer.with(Self.model(script)) { server in
            let shop = try await AssistantShop.inMemory(environment: Self.environment(script, server.baseURL))
            let caller = shop.user()
            #expect(shop.assistant.isOnline)

            let asked = try await shop.assistant.send(try AssistantMessageInput(text: Self.seed), caller: caller)
            #expect(asked.facts.mode == "online")
            #expect(asked.facts.modelCalls.map(\.provider) == [script.kind.rawValue])
            #expect(asked.facts.costUSD > 0)
            let draft = try #require(asked.pendingDrafts.first)
            #expect(draft.tool == "create_template_draft" && draft.status == .pending)
            #expect(draft.arguments["request"] == "un email de relance pour les leads froids")
            #expect(script.offeredTools(server.body(0)).contains("create_template_draft"))
            #expect(server.bodies.count == 1)
            #expect(try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }.isEmpty)

            let done = try await shop.assistant.confirm(conversationID: asked.conversationID, callID: draft.id, caller: caller)
            #expect(done.text == "Le brouillon « relance-leads-froids » est prêt : relisez-le dans Modèles.")
            #expect(done.settledDrafts.map(\.status) == [.confirmed])
            #expect(done.facts.toolRuns.map(\.tool) == ["create_template_draft"])
            #expect(done.facts.modelCalls.map(\.provider) == [script.kind.rawValue])
            #expect(server.bodies.count == 3, "the turn, the draft's own writing, the turn after the result")
            let results = script.trailingToolResults(server.body(2))
            #expect(results.map(\.reference) == [script.kind == .gemini ? "create_template_draft" : "call_draft_1"])
            #expect(results.first?.content.contains("relance-leads-froids") == true)
            let created = try await shop.store.templates(tenantID: shop.tenantA).filter { $0.generatedBy == "assistant" }
            #expect(created.map(\.name) == ["relance-leads-froids"])
            #expect(created.first?.status == .draft)

            let calls = try await shop.store.llmCalls(tenantID: shop.tenantA, from: AssistantShop.now.addingTimeInterval(-60), to: AssistantShop.now.addingTimeInterval(60))
            #expect(calls.filter { $0.feature == AssistantService.feature }.count == 2)
            #expect(calls.allSatisfy { $0.provider == script.kind.rawValue && $0.costUSD > 0 })
        }
    }

    /// The provider fails: the gateway answers offline, and MAX falls back on the intent reader — still a draft, still
    /// waiting for confirmation, with the failure recorded in the turn.
    @Test func whenEveryProviderFailsMAXFallsBackOnTheOfflineReader() async throws {
        try await LoopbackModelServer.with({ _, _ in .serverError }) { server in
            let shop = try await AssistantShop.inMemory(environment: Self.environment(ProviderScript(kind: .openai), server.baseURL))
            let reply = try await shop.assistant.send(try AssistantMessageInput(text: Self.seed), caller: shop.user())
            #expect(reply.facts.mode == "offline")
            #expect(reply.facts.modelCalls.first?.failures == ["openai:server"])
            #expect(reply.facts.modelCalls.first?.offlineReason?.hasPrefix("all_providers_failed") == true)
            #expect(reply.pendingDrafts.map(\.tool) == ["create_template_draft"])
        }
    }
}
