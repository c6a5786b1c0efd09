import AutopilotCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite("HTTP API — events")
struct EventAPITests {
    @Test func ingestsAnEventAndReportsDuplicates() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let first = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(Fixtures.orderPlaced))
            #expect(first.status == .ok)
            let accepted = try APITestHarness.json(first)
            #expect(accepted["accepted"]?.arrayValue?.count == 1)
            let again = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["events": [Fixtures.orderPlaced]]))
            let duplicate = try APITestHarness.json(again)
            #expect(duplicate["accepted"]?.arrayValue?.isEmpty == true)
            #expect(duplicate["duplicates"]?.arrayValue?.first?["id"] == accepted["accepted"]?.arrayValue?.first?["id"])
            #expect(duplicate["duplicates"]?.arrayValue?.first?["idempotency_key"] == "shop-order-1001")
        }
    }

    @Test func aBadEventRejectsTheWholeBatchAndNamesTheField() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let batch: JSONValue = [
                "events": [Fixtures.orderPlaced, Fixtures.envelope("order.delivered", at: "yesterday", properties: ["order_id": "1"])]
            ]
            let response = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(batch))
            #expect(response.status == .unprocessableContent)
            let error = try APITestHarness.json(response)["error"]
            #expect(error?["field"] == "events[1].occurred_at")
            #expect(error?["code"] == "invalid_event")
            #expect(error?["message"]?.stringValue?.contains("ISO 8601") == true)
            let list = try await client.execute(uri: "/v1/events", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(list)["events"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test func malformedJSONIs400AndOversizedBodiesAre413() async throws {
        let harness = try await APITestHarness.make { $0.maximumBodyBytes = 2_000 }
        try await harness.app.test(.router) { client in
            let malformed = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: ByteBuffer(string: "{\"type\":"))
            #expect(malformed.status == .badRequest)
            #expect(try APITestHarness.json(malformed)["error"]?["code"] == "malformed_json")
            let big = ByteBuffer(string: "{\"events\": [" + String(repeating: "1,", count: 2_000) + "1]}")
            let tooLarge = try await client.execute(uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(try APITestHarness.json(tooLarge)["error"]?["code"] == "payload_too_large")
        }
    }

    @Test func listsEventsWithFiltersAndACursor() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let events: [JSONValue] = (1...5).map { day in
                Fixtures.envelope("wishlist.added", at: "2026-03-0\(day)T10:00:00Z", properties: ["sku": .string("S\(day)")])
            }
            _ = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey),
                body: APITestHarness.body(["events": .array(events)]))
            let first = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/events?contact=a@example.com&type=wishlist.added&limit=2", method: .get, headers: APITestHarness.auth(harness.firstKey))
            )
            #expect(first["events"]?.arrayValue?.map { $0["occurred_at"] } == ["2026-03-05T10:00:00Z", "2026-03-04T10:00:00Z"])
            let cursor = try #require(first["next_cursor"]?.stringValue)
            let second = try APITestHarness.json(
                try await client.execute(
                    uri: "/v1/events?limit=2&cursor=\(cursor)", method: .get, headers: APITestHarness.auth(harness.firstKey)))
            #expect(second["events"]?.arrayValue?.map { $0["occurred_at"] } == ["2026-03-03T10:00:00Z", "2026-03-02T10:00:00Z"])
            let bad = try await client.execute(uri: "/v1/events?limit=0", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(bad.status == .badRequest)
            #expect(try APITestHarness.json(bad)["error"]?["field"] == "limit")
            let badType = try await client.execute(uri: "/v1/events?type=order.shipped", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(try APITestHarness.json(badType)["error"]?["field"] == "type")
        }
    }
}
