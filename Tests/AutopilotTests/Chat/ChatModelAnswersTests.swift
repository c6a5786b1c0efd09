import AutopilotCore
import Chat
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Storage
import TestSupport
import Testing

/// With a language model configured (a loopback OpenAI-compatible server here): free-form answers grounded in the
/// knowledge base, with the plain answers when the model fails, and the visitor's mood read by the model.
@Suite("Chat agent — answers and mood from a language model")
struct ChatModelAnswersTests {
    static let delivery = #"{"title": "Livraison", "body": "Nous livrons en Belgique et en Suisse sous 4 jours ouvrés. La livraison est offerte dès 60 euros.", "language": "fr"}"#

    /// The loopback model: a mood for the mood requests, a written answer for the others.
    static func model(mood: Double, answer: String) -> LoopbackChatServer.Reply {
        { body in
            let system = body["messages"]?.arrayValue?.first?["content"]?.stringValue ?? ""
            if system.contains("how a shop's visitor feels") { return #"{"score": \#(mood)}"# }
            return answer
        }
    }

    static func upload(_ client: any TestClientProtocol, _ harness: ChatHarness) async throws {
        let upload = try await client.execute(
            uri: "/v1/knowledge/documents", method: .post,
            headers: [.authorization: "Bearer \(harness.firstAPIKey)", .contentType: "application/json"], body: ByteBuffer(string: delivery))
        #expect(upload.status == .created || upload.status == .ok, "\(String(buffer: upload.body))")
    }

    @Test func aQuestionNoRuleCoversIsAnsweredByTheModelFromTheKnowledgeBase() async throws {
        let written = "Oui, nous livrons en Belgique sous 4 jours ouvrés, et la livraison est offerte dès 60 euros."
        try await LoopbackChatServer.with(reply: Self.model(mood: 0.2, answer: written)) { server in
            try await TestDatabases.withSQLite { store in
                let harness = try await ChatHarness.make(store: store, environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1"])
                try await harness.app.test(.live) { client in
                    try await Self.upload(client, harness)
                    var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                    _ = try await visitor.start()
                    let free = try await visitor.say("Et pour la Belgique alors, c'est possible aussi")
                    #expect(free == written, "a message no rule reads gets the model's answer: \(free)")
                    let asked = try await visitor.say("Est-ce que la livraison est offerte ?")
                    #expect(asked == written, "a question the knowledge base answers is written by the model: \(asked)")
                }
                let answers = server.requests.filter { !(($0["messages"]?[0]?["content"]?.stringValue ?? "").contains("feels")) }
                #expect(answers.count == 2)
                let prompt = answers.first?["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
                #expect(prompt.contains("sous 4 jours ouvrés"), "the model is given the knowledge base's passage")
                #expect(prompt.contains("Belgique"))
                #expect(answers.first?["messages"]?[0]?["content"]?.stringValue?.contains("French") == true)
                let calls = try await store.llmCalls(tenantID: harness.firstTenantID, from: .distantPast, to: .distantFuture)
                #expect(Set(calls.map(\.feature)) == ["chat_answer", "chat_sentiment"])
            }
        }
    }

    @Test func whenTheModelHasNoAnswerOrFailsTheAgentAnswersPlainly() async throws {
        try await LoopbackChatServer.with(reply: Self.model(mood: 0, answer: "NO_ANSWER")) { server in
            try await TestDatabases.withSQLite { store in
                let harness = try await ChatHarness.make(store: store, environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1"])
                try await harness.app.test(.live) { client in
                    try await Self.upload(client, harness)
                    var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                    _ = try await visitor.start()
                    let asked = try await visitor.say("Est-ce que la livraison est offerte ?")
                    #expect(asked.contains("La livraison est offerte dès 60 euros"), "the passage itself: \(asked)")
                    let free = try await visitor.say("Et pour la Belgique alors, c'est possible aussi")
                    #expect(free.contains("Je peux suivre une commande"), "the agent says what it can do: \(free)")
                }
            }
        }
        try await FailingModel.with { baseURL in
            try await TestDatabases.withSQLite { store in
                let harness = try await ChatHarness.make(store: store, environment: ["AUTOPILOT_LLM_BASE_URL": baseURL + "/v1"])
                try await harness.app.test(.live) { client in
                    try await Self.upload(client, harness)
                    var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                    _ = try await visitor.start()
                    #expect(try await visitor.say("Est-ce que la livraison est offerte ?").contains("offerte dès 60 euros"))
                    #expect(try await visitor.say("Et pour la Belgique alors, c'est possible aussi").contains("Je peux suivre une commande"))
                    let angry = try await visitor.say("C'est vraiment nul, je suis furieux, service horrible !!!")
                    #expect(angry.contains("désolé"), "the lexicon still hands off when the model fails: \(angry)")
                }
            }
        }
    }

    @Test func theModelsMoodCatchesSarcasmTheLexiconMissesAndHandsOff() async throws {
        try await LoopbackChatServer.with(reply: Self.model(mood: -0.8, answer: "NO_ANSWER")) { server in
            try await TestDatabases.withSQLite { store in
                let harness = try await ChatHarness.make(store: store, environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1"])
                try await harness.app.test(.live) { client in
                    var visitor = Visitor(client, widget: harness.shopWidget, origin: ChatHarness.shopOrigin)
                    _ = try await visitor.start()
                    let reply = try await visitor.say("Génial, troisième colis perdu ce mois-ci, bravo vraiment")
                    #expect(reply.contains("désolé"), "the model read the sarcasm: \(reply)")
                    let conversation = try await harness.team(client, "/v1/chat/conversations/\(visitor.conversationID)")
                    #expect(conversation["status"] == "handed_off")
                    let visitorMessage = conversation["messages"]?.arrayValue?.first { $0["role"] == "visitor" }
                    #expect(visitorMessage?["sentiment"]?.doubleValue == -0.8)
                }
            }
        }
    }

    @Test(arguments: [
        (-0.7, Double?.none, -0.7), (0.2, Double?(-0.6), -0.6), (-0.2, Double?(0.4), 0.4), (-0.7, Double?(0.5), -0.7), (-0.7, Double?(-0.9), -0.9),
    ])
    func theLexiconIsTheFallbackAndTheFloorOfAnOutburst(lexicon: Double, model: Double?, expected: Double) {
        #expect(ChatAgent.refinedMood(lexicon: lexicon, model: model) == expected)
    }
}

/// A model that refuses every request (HTTP 400, OpenAI's error shape): the gateway fails.
enum FailingModel {
    static func with(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("v1/chat/completions") { _, _ -> Response in
            var fields = HTTPFields()
            fields[.contentType] = "application/json"
            let error = #"{"error": {"message": "model not found", "type": "invalid_request_error", "code": "model_not_found"}}"#
            return Response(status: .badRequest, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: error)))
        }
        try await LoopbackHTTP.serve(router, label: "failing-model") { port in try await body("http://127.0.0.1:\(port)") }
    }
}
