import AutopilotCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite("HTTP API — recommendations and lead qualification")
struct RecommendationAPITests {
    @Test func aHotLeadWaitingIsProposedAndCanBeDismissed() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let lead = Fixtures.envelope(
                "lead.created", at: "2026-03-10T09:00:00Z", key: "lead-1", contact: ["email": "fondatrice@boutique.example"],
                properties: ["lead_id": "L1", "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !"])
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(lead))
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations?priority=high", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            let first = try #require(list["recommendations"]?.arrayValue?.first)
            #expect(first["rule"] == "hot_lead_waiting")
            #expect(first["contact"] == "fondatrice@boutique.example")
            #expect(first["reason"]?.stringValue?.contains("Lead chaud") == true)
            let id = try #require(first["id"]?.stringValue)

            let other = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(other["recommendations"]?.arrayValue?.isEmpty == true)
            let foreign = try await client.execute(uri: "/v1/recommendations/\(id)/dismiss", method: .post, headers: APITestHarness.auth(harness.secondKey))
            #expect(foreign.status == .notFound)

            let badSnooze = try await client.execute(
                uri: "/v1/recommendations/\(id)/snooze", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(["until": "2020-01-01T00:00:00Z"]))
            #expect(badSnooze.status == .unprocessableContent)
            let dismissed = try await client.execute(uri: "/v1/recommendations/\(id)/dismiss", method: .post, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(dismissed)["status"] == "dismissed")
            let after = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(after["recommendations"]?.arrayValue?.isEmpty == true)
            let badRule = try await client.execute(uri: "/v1/recommendations?rule=whatever", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(badRule)["error"]?["field"] == "rule")
        }
    }

    @Test func qualifiesALead() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/leads/qualify", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["text": "Hi, I run marketing at a B2B consulting firm (30 people). We could invest between 1k and 2k USD a month, probably next quarter. My CEO signs off on anything above 500."]))
            let body = try APITestHarness.json(response)
            #expect(body["tier"] == "warm")
            #expect(body["budget"]?["amount"] == 1000)
            #expect(body["decisionMaker"] == false)
            let empty = try await client.execute(uri: "/v1/leads/qualify", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(["text": " "]))
            #expect(try APITestHarness.json(empty)["error"]?["field"] == "text")
        }
    }
}
