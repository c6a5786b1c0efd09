import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LLM
import Testing

@Suite("Content — POST /v1/content/blog")
struct ContentAPITests {
    @Test func writesAnArticleOffline() async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let body: JSONValue = ["topic": "Avis clients", "language": "fr", "keywords": ["avis Google"], "framework": "PAS", "agentic": true]
            let response = try await client.execute(
                uri: "/v1/content/blog", method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(body))
            #expect(response.status == .ok)
            let answer = try APITestHarness.json(response)
            #expect(answer["provider"] == "offline" && answer["model"] == .string(OfflineProvider.model))
            #expect(answer["framework"] == "PAS" && answer["language"] == "fr")
            let meta = try #require(answer["meta_description"]?.stringValue)
            #expect(!meta.isEmpty && meta.count <= 155)
            #expect(answer["markdown"]?.stringValue?.contains("\n## ") == true && answer["html"]?.stringValue?.hasPrefix("<h1>") == true)
            #expect(answer["critiques"]?.arrayValue?.isEmpty == false && answer["stop_reason"]?.stringValue != nil)
        }
    }

    @Test(arguments: [
        (["language": "fr"] as JSONValue, "topic"),
        (["topic": "x", "language": "es"] as JSONValue, "language"),
        (["topic": "x", "framework": "STAR"] as JSONValue, "framework"),
    ])
    func badInputIsA422NamingTheField(_ body: JSONValue, _ field: String) async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/content/blog", method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(body))
            #expect(response.status == .unprocessableContent)
            let error = try APITestHarness.json(response)["error"]
            #expect(error?["field"] == .string(field) && error?["code"] == "invalid_blog_request")
        }
    }

    @Test func theRouteNeedsAKey() async throws {
        let harness = try await AITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/content/blog", method: .post, headers: [.contentType: "application/json"], body: APITestHarness.body(["topic": "x"]))
            #expect(response.status == .unauthorized)
        }
    }

    @Test func anArticleWithoutTwoSectionsIsA502() async throws {
        let thin: JSONValue = [
            "title": "Only one", "meta_description": "m", "introduction": "i", "sections": [["heading": "h", "body": "b"]],
            "call_to_action": "Act now.",
        ]
        try await LoopbackChatServer.with(reply: { _ in thin.jsonString }) { server in
            let harness = try await AITestHarness.make(environment: ["AUTOPILOT_LLM_BASE_URL": server.baseURL])
            try await harness.app.test(.router) { client in
                let response = try await client.execute(
                    uri: "/v1/content/blog", method: .post, headers: APITestHarness.auth(harness.key), body: APITestHarness.body(["topic": "x"]))
                #expect(response.status == .badGateway)
                #expect(try APITestHarness.json(response)["error"]?["code"] == "blog_unavailable")
            }
        }
    }
}
