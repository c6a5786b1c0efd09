import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("Lead refinement by a language model, merged with the BANT rules")
struct LeadRefinementTests {
    /// The rules read the timeline ("cette semaine") and that she runs the shop; the budget is left unstated.
    static let text =
        "Bonjour, je suis la gérante d'une boutique en ligne de cosmétiques, on voudrait démarrer cette semaine. Le budget dépendra de votre proposition, rappelez-moi."

    static let modelAnswer: JSONValue = [
        "budget": ["amount": 400, "currency": "EUR", "period": "month", "quote": "Le budget dépendra de votre proposition"],
        "timeline": ["value": "later", "quote": "démarrer"],
        "decision_maker": ["value": true, "quote": "je suis la gérante"],
        "fit": ["value": true, "quote": "boutique en ligne"],
        "engagement": ["value": 10, "quote": "rappelez-moi"],
    ]

    static func qualify(_ harness: AITestHarness) async throws -> JSONValue {
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/leads/qualify", method: .post, headers: APITestHarness.auth(harness.key),
                body: APITestHarness.body(["text": .string(Self.text)]))
            #expect(response.status == .ok)
            return try APITestHarness.json(response)
        }
    }

    @Test func theModelFillsWhatTheRulesCouldNotReadAndTheRulesWinConflicts() async throws {
        try await LoopbackChatServer.with(reply: { _ in Self.modelAnswer.jsonString }) { server in
            let harness = try await AITestHarness.make(environment: [
                "AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1", "AUTOPILOT_LLM_MODEL": "local-bant",
            ])
            let body = try await Self.qualify(harness)
            #expect(body["budget"]?["amount"] == 400)
            #expect(body["evidence"]?["budget"]?["source"] == "model")
            #expect(body["evidence"]?["budget"]?["rule"]?.stringValue?.hasPrefix("model:") == true)
            #expect(body["evidence"]?["budget"]?["text"] == "Le budget dépendra de votre proposition")
            #expect(body["timeline"] == "immediate", "the rules read \"cette semaine\": explicit text wins")
            #expect(body["evidence"]?["timeline"]?["source"] == "rules")

            let request = try #require(server.requests.first)
            #expect(request["response_format"]?["type"] == "json_schema")
            #expect(request["messages"]?.arrayValue?.last?["content"]?.stringValue?.contains("cette semaine") == true)
            let calls = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture)
            #expect(calls.map(\.feature) == ["lead_refinement"])
        }
    }

    @Test func withoutAProviderTheRulesStandAlone() async throws {
        let harness = try await AITestHarness.make()
        let body = try await Self.qualify(harness)
        #expect(body["budget"] == .null)
        #expect(body["timeline"] == "immediate")
        for field in ["budget", "timeline", "decisionMaker", "fit", "engagement"] {
            #expect(body["evidence"]?[field]?["source"] == "rules", "\(field)")
        }
        #expect(try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture).isEmpty)
    }

    @Test func anAnswerThatIsNotTheSchemaLeavesTheRulesAlone() async throws {
        try await LoopbackChatServer.with(reply: { _ in "Sure! The budget is probably around 400 euros." }) { server in
            let harness = try await AITestHarness.make(environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1"])
            let body = try await Self.qualify(harness)
            #expect(body["budget"] == .null)
            #expect(body["evidence"]?["budget"]?["source"] == "rules")
            #expect(body["tier"] != nil)
        }
    }
}
