import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@Suite("Churn analysis: a retention suggestion on the recommendations of customers at risk")
struct RetentionSuggestionTests {
    /// Marc bought once, ten months ago; the email sent to him four days ago was delivered and never opened.
    static let history: JSONValue = [
        "events": [
            Fixtures.envelope(
                "contact.created", at: "2025-05-01T08:00:00Z", key: "c-marc", contact: ["email": "marc@client.example"],
                properties: ["first_name": "Marc", "locale": "fr", "consents": ["email": true]]),
            Fixtures.envelope(
                "order.placed", at: "2025-05-02T10:00:00Z", key: "o-1", contact: ["email": "marc@client.example"],
                properties: ["order_id": "A1", "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "total": 40.0, "currency": "EUR"]),
            Fixtures.envelope(
                "message.sent", at: "2026-03-06T10:00:00Z", key: "m-1", contact: ["email": "marc@client.example"],
                properties: ["message_id": "m-1", "channel": "email", "template": "win-back-1"]),
            Fixtures.envelope(
                "message.delivered", at: "2026-03-06T10:02:00Z", key: "m-1-d", contact: ["email": "marc@client.example"],
                properties: ["message_id": "m-1", "channel": "email"]),
        ]
    ]

    static func recommendations(_ harness: AITestHarness) async throws -> [JSONValue] {
        try await harness.app.test(.router) { client in
            let key = APITestHarness.auth(harness.key)
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: key, body: APITestHarness.body(Self.history))
            let response = try await client.execute(uri: "/v1/recommendations", method: .get, headers: key)
            #expect(response.status == .ok)
            return try APITestHarness.json(response)["recommendations"]?.arrayValue ?? []
        }
    }

    @Test func offlineTheMainSignalChoosesTheAdviceOncePerDay() async throws {
        let harness = try await AITestHarness.make()
        let list = try await Self.recommendations(harness)
        let marc = try #require(list.first { $0["contact"] == "marc@client.example" })
        let suggestion = try #require(marc["retention_suggestion"])
        #expect(suggestion["provider"] == "offline")
        let text = try #require(suggestion["text"]?.stringValue)
        #expect(text.contains("Une seule commande"), "the signal, in French: \(text)")
        #expect(text.contains("sans remise d'abord"), "the advice for an overdue customer: \(text)")
        let calls = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture).count
        _ = try await Self.recommendations(harness)
        #expect(
            try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture).count == calls, "cached for the day")
    }

    @Test func aConfiguredModelWritesItAndIsNamed() async throws {
        try await LoopbackChatServer.with(reply: { _ in "Marc n'a commandé qu'une fois. Appelez-le pour comprendre, sans offre." }) { server in
            let harness = try await AITestHarness.make(environment: [
                "AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1", "AUTOPILOT_LLM_MODEL": "local-advisor",
            ])
            let list = try await Self.recommendations(harness)
            let suggestion = try #require(list.first { $0["contact"] == "marc@client.example" }?["retention_suggestion"])
            #expect(suggestion["text"] == "Marc n'a commandé qu'une fois. Appelez-le pour comprendre, sans offre.")
            #expect(suggestion["provider"] == "compatible")
            #expect(suggestion["model"] == "local-advisor")
            let prompt = try #require(server.requests.first?["messages"]?.arrayValue?.last?["content"]?.stringValue)
            #expect(prompt.contains("overdue_single_order"), "the signals are in the prompt: \(prompt)")
        }
    }

    @Test func aLongListWritesTheMostUrgentAndLetsTheRestWait() async throws {
        let harness = try await AITestHarness.make()
        var events: [JSONValue] = []
        for number in 1...30 {
            let email = JSONValue.string("client\(number)@example.fr")
            for var event in Self.history["events"]?.arrayValue ?? [] {
                if case .object(var object) = event {
                    object["contact"] = ["email": email]
                    object["idempotency_key"] = .string("\(object["idempotency_key"]?.stringValue ?? "")-\(number)")
                    if var properties = object["properties"]?.objectValue, properties["message_id"] != nil {
                        properties["message_id"] = .string("m-\(number)")
                        object["properties"] = .object(properties)
                    }
                    if var properties = object["properties"]?.objectValue, properties["order_id"] != nil {
                        properties["order_id"] = .string("A\(number)")
                        object["properties"] = .object(properties)
                    }
                    event = .object(object)
                }
                events.append(event)
            }
        }
        let all = events
        try await harness.app.test(.router) { client in
            let key = APITestHarness.auth(harness.key)
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: key, body: APITestHarness.body(["events": .array(all)]))
            let response = try await client.execute(uri: "/v1/recommendations?limit=all", method: .get, headers: key)
            let list = try APITestHarness.json(response)["recommendations"]?.arrayValue ?? []
            #expect(list.count == 30, "the whole list, past the daily 25")
            #expect(list.allSatisfy { $0["retention_suggestion"]?["text"]?.stringValue?.isEmpty == false }, "every customer at risk has one")
        }
        let written = try await harness.store.llmCalls(tenantID: harness.tenantID, from: .distantPast, to: .distantFuture).filter {
            $0.feature == "retention_suggestion"
        }
        #expect(written.count == 24, "the 24 most urgent are written; the others wait for a later listing")
    }

    @Test func customersAtLowRiskGetNone() async throws {
        let harness = try await AITestHarness.make()
        var events = Self.history["events"]?.arrayValue ?? []
        events[1] = Fixtures.envelope(
            "order.placed", at: "2026-03-01T10:00:00Z", key: "o-1", contact: ["email": "marc@client.example"],
            properties: ["order_id": "A1", "lines": [["sku": "TEA-01", "quantity": 1, "price": 40.0]], "total": 40.0, "currency": "EUR"])
        let recent = events
        try await harness.app.test(.router) { client in
            let key = APITestHarness.auth(harness.key)
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: key, body: APITestHarness.body(["events": .array(recent)]))
            let list =
                try APITestHarness.json(try await client.execute(uri: "/v1/recommendations", method: .get, headers: key))["recommendations"]?
                .arrayValue ?? []
            #expect(!list.isEmpty)
            #expect(list.allSatisfy { $0["retention_suggestion"] == nil })
        }
    }
}
