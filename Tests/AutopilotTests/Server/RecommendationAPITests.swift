import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — recommendations and lead qualification")
struct RecommendationAPITests {
    @Test func aHotLeadWaitingIsProposedAndCanBeDismissed() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let lead = Fixtures.envelope(
                "lead.created", at: "2026-03-10T09:00:00Z", key: "lead-1", contact: ["email": "fondatrice@boutique.example"],
                properties: [
                    "lead_id": "L1", "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !",
                ])
            _ = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(lead))
            let list = try APITestHarness.json(
                try await client.execute(uri: "/v1/recommendations?priority=high", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            let first = try #require(list["recommendations"]?.arrayValue?.first)
            #expect(first["rule"] == "hot_lead_waiting")
            #expect(first["contact"] == "fondatrice@boutique.example")
            #expect(first["reason"]?.stringValue?.contains("Lead chaud") == true)
            let id = try #require(first["id"]?.stringValue)

            let other = try APITestHarness.json(
                try await client.execute(uri: "/v1/recommendations", method: .get, headers: APITestHarness.auth(harness.secondKey)))
            #expect(other["recommendations"]?.arrayValue?.isEmpty == true)
            let foreign = try await client.execute(
                uri: "/v1/recommendations/\(id)/dismiss", method: .post, headers: APITestHarness.auth(harness.secondKey))
            #expect(foreign.status == .notFound)

            let badSnooze = try await client.execute(
                uri: "/v1/recommendations/\(id)/snooze", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["until": "2020-01-01T00:00:00Z"]))
            #expect(badSnooze.status == .unprocessableContent)
            let dismissed = try await client.execute(
                uri: "/v1/recommendations/\(id)/dismiss", method: .post, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(dismissed)["status"] == "dismissed")
            let after = try APITestHarness.json(
                try await client.execute(uri: "/v1/recommendations", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(after["recommendations"]?.arrayValue?.isEmpty == true)
            let badRule = try await client.execute(
                uri: "/v1/recommendations?rule=whatever", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(badRule)["error"]?["field"] == "rule")
        }
    }

    @Test func qualifiesALead() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let response = try await client.execute(
                uri: "/v1/leads/qualify", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body([
                    "text":
                        "Hi, I run marketing at a B2B consulting firm (30 people). We could invest between 1k and 2k USD a month, probably next quarter. My CEO signs off on anything above 500."
                ]))
            let body = try APITestHarness.json(response)
            #expect(body["tier"] == "warm")
            #expect(body["budget"]?["amount"] == 1000)
            #expect(body["decisionMaker"] == false)
            let empty = try await client.execute(
                uri: "/v1/leads/qualify", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(["text": " "]))
            #expect(try APITestHarness.json(empty)["error"]?["field"] == "text")
        }
    }

    @Test func acceptingSendsTheSuggestedTemplateThroughTheOutbox() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let key = APITestHarness.auth(harness.firstKey)
            let consent = Fixtures.envelope(
                "contact.created", at: "2026-03-10T08:00:00Z", key: "c-1", contact: ["email": "fondatrice@boutique.example"],
                properties: ["first_name": "Inès", "locale": "fr", "consents": ["email": true]])
            let lead = Fixtures.envelope(
                "lead.created", at: "2026-03-10T09:00:00Z", key: "lead-1", contact: ["email": "fondatrice@boutique.example"],
                properties: [
                    "lead_id": "L1", "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !",
                ])
            _ = try await client.execute(uri: "/v1/events", method: .post, headers: key, body: APITestHarness.body(["events": [consent, lead]]))
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations", method: .get, headers: key))
            let id = try #require(list["recommendations"]?.arrayValue?.first?["id"]?.stringValue)
            let accepted = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations/\(id)/accept", method: .post, headers: key))
            #expect(accepted["status"] == "accepted")
            #expect(accepted["message"]?["template"] == "hot-lead-call")
            #expect(accepted["message"]?["channel"] == "email")
            let messageID = try #require(accepted["message"]?["message_id"]?.stringValue)
            let again = try await client.execute(uri: "/v1/recommendations/\(id)/accept", method: .post, headers: key)
            #expect(again.status == .notFound, "an accepted recommendation is no longer pending")

            let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
            try await TestWorker.make(Dependencies(store: harness.store, clock: harness.clock)).runDue(now: harness.clock.now())
            let sent = try await FlowQueries(store: harness.store).messages(tenantID: tenantID).filter { $0.id == messageID }
            #expect(sent.count == 1)
            #expect(sent.first?.status == "sent")
            #expect(sent.first?.subject == "Votre demande : parlons-en aujourd'hui")
            #expect(sent.first?.body?.contains("Bonjour Inès") == true)
        }
    }
}
