import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — the daily list of recommendations")
struct DailyListAPITests {
    /// Three contacts opened an email three days ago and did not reply: two were conversations (one said nothing, one
    /// said `"kind": "conversation"`), the third a marketing email (`"kind": "marketing"`), which the rules leave alone.
    static func record(_ client: some TestClientProtocol, key: HTTPFields) async throws {
        let sends: [(String, JSONValue?)] = [("ana", nil), ("bob", "conversation"), ("cyd", "marketing")]
        for (name, kind) in sends {
            var sent: JSONValue = ["message_id": .string("m-" + name), "channel": "email"]
            if let kind { sent = ["message_id": .string("m-" + name), "channel": "email", "kind": kind] }
            let contact: JSONValue = ["email": .string(name + "@example.com"), "consents": ["email": true]]
            for (type, at, properties) in [
                (
                    "contact.created", "2026-03-06T09:00:00Z",
                    ["first_name": JSONValue.string(name.capitalized), "consents": ["email": true]] as JSONValue
                ),
                ("message.sent", "2026-03-06T10:00:00Z", sent),
                ("message.opened", "2026-03-06T11:00:00Z", ["message_id": .string("m-" + name), "channel": "email"]),
            ] {
                let event = Fixtures.envelope(type, at: at, key: type + name, contact: contact, properties: properties)
                let response = try await client.execute(uri: "/v1/events", method: .post, headers: key, body: APITestHarness.body(event))
                #expect(response.status.code < 300)
            }
        }
    }

    @Test func conversationsOnlyRankedAndPaged() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let key = APITestHarness.auth(harness.firstKey)
            try await Self.record(client, key: key)
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations?locale=en", method: .get, headers: key))
            #expect(list["total"] == 2, "the marketing email is not followed up")
            #expect(list["limit"] == 25)
            #expect(list["offset"] == 0)
            #expect(list["has_more"] == false)
            let items = try #require(list["recommendations"]?.arrayValue)
            #expect(Set(items.compactMap { $0["contact"]?.stringValue }) == ["ana@example.com", "bob@example.com"])
            #expect(items.allSatisfy { $0["rule"] == "opened_no_reply" })
            let why = try #require(items.first?["why"]?.stringValue)
            #expect(why.hasPrefix("Opened your email 4 days ago, no reply — "), "\(why)")
            #expect(items.first?["expected_value"]?["basis"] == "unknown")
            #expect(items.first?["reason"] != nil && items.first?["priority"] != nil, "the fields from before are still there")

            let first = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations?limit=1", method: .get, headers: key))
            #expect(first["total"] == 2 && first["limit"] == 1 && first["has_more"] == true)
            #expect(first["recommendations"]?.arrayValue?.count == 1)
            #expect(first["recommendations"]?[0]?["why"]?.stringValue?.hasPrefix("A ouvert votre email") == true)
            let second = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations?limit=1&offset=1", method: .get, headers: key))
            #expect(second["offset"] == 1 && second["has_more"] == false)
            #expect(second["recommendations"]?[0]?["id"] != first["recommendations"]?[0]?["id"])
            let all = try APITestHarness.json(try await client.execute(uri: "/v1/recommendations?limit=all", method: .get, headers: key))
            #expect(all["recommendations"]?.arrayValue?.count == 2)

            let bad = try await client.execute(uri: "/v1/recommendations?limit=0", method: .get, headers: key)
            #expect(try APITestHarness.json(bad)["error"]?["field"] == "limit")
            let badOffset = try await client.execute(uri: "/v1/recommendations?offset=-1", method: .get, headers: key)
            #expect(try APITestHarness.json(badOffset)["error"]?["field"] == "offset")
        }
    }

    @Test func aBadKindIsRefused() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let event = Fixtures.envelope(
                "message.sent", at: "2026-03-06T10:00:00Z", key: "bad-kind", contact: ["email": "x@example.com"],
                properties: ["message_id": "m-x", "channel": "email", "kind": "newsletter"])
            let response = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(event))
            #expect(response.status.code >= 400)
        }
    }
}
