import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — segments")
struct SegmentAPITests {
    static func segment(_ id: String?, _ name: String, _ condition: String) -> ByteBuffer {
        var body: JSONObject = ["name": .string(name), "condition": .string(condition)]
        if let id { body["id"] = .string(id) }
        return APITestHarness.body(.object(body))
    }

    @Test func crudWithCountsValidationAndTenantsApart() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let first = APITestHarness.auth(harness.firstKey)
            let second = APITestHarness.auth(harness.secondKey)
            // A misspelt field is 422 naming the condition, with the column and the known fields.
            let bad = try await client.execute(
                uri: "/v1/segments", method: .post, headers: first, body: Self.segment("recent", "Recent", "history.days_since_ordr <= 90"))
            #expect(bad.status == .unprocessableContent)
            let error = try APITestHarness.json(bad)["error"]
            #expect(error?["code"] == "invalid_segment" && error?["field"] == "condition")
            #expect(error?["message"]?.stringValue?.contains("days_since_order") == true)
            let noName = try await client.execute(uri: "/v1/segments", method: .post, headers: first, body: Self.segment("recent", "", "contact.orders_count > 0"))
            #expect(noName.status == .unprocessableContent)
            #expect(try APITestHarness.json(noName)["error"]?["field"] == "name")
            let badID = try await client.execute(uri: "/v1/segments", method: .post, headers: first, body: Self.segment("Recent!", "R", "contact.orders_count > 0"))
            #expect(try APITestHarness.json(badID)["error"]?["field"] == "id")

            let created = try await client.execute(
                uri: "/v1/segments", method: .post, headers: first, body: Self.segment("recent", "Recent buyers", "history.days_since_order <= 90"))
            #expect(created.status == .created)
            let view = try APITestHarness.json(created)
            #expect(view["id"] == "recent" && view["members"] == 0 && view["ready"] == false && view["time_dependent"] == true)
            let again = try await client.execute(
                uri: "/v1/segments", method: .post, headers: first, body: Self.segment("recent", "Recent buyers", "history.days_since_order <= 90"))
            #expect(again.status == .conflict)

            // PUT creates an unknown id, then replaces it.
            let put = try await client.execute(
                uri: "/v1/segments/spenders", method: .put, headers: first, body: Self.segment(nil, "Spenders", "contact.total_spent >= 100"))
            #expect(put.status == .created)
            let replaced = try await client.execute(
                uri: "/v1/segments/spenders", method: .put, headers: first, body: Self.segment(nil, "Big spenders", "contact.total_spent >= 200"))
            #expect(replaced.status == .ok)
            #expect(try APITestHarness.json(replaced)["condition"] == "contact.total_spent >= 200")
            let mismatch = try await client.execute(
                uri: "/v1/segments/spenders", method: .put, headers: first, body: Self.segment("other", "X", "contact.total_spent >= 200"))
            #expect(mismatch.status == .unprocessableContent)

            // Members appear once the worker has filled the segments.
            let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
            let dependencies = Dependencies(store: harness.store, clock: harness.clock)
            _ = try await IngestPipeline(dependencies: dependencies).ingest(
                document: [
                    "events": [
                        Fixtures.envelope(
                            "order.placed", at: "2026-03-05T10:00:00Z", key: "o1", contact: ["email": "ana@a.example"],
                            properties: ["order_id": "O1", "lines": [["sku": "TEA", "quantity": 1, "price": 250.0]], "total": 250.0, "currency": "EUR"])
                    ]
                ], tenantID: tenantID)
            try await TestWorker.make(dependencies).runDue(now: harness.clock.now())
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/segments", method: .get, headers: first))
            let segments = try #require(list["segments"]?.arrayValue)
            #expect(segments.map { $0["id"] } == ["recent", "spenders"])
            #expect(segments.map { $0["members"] } == [1, 1])
            let members = try APITestHarness.json(try await client.execute(uri: "/v1/segments/recent/members", method: .get, headers: first))
            #expect(members["count"] == 1)
            #expect(members["members"]?.arrayValue?.first?["email"] == "ana@a.example")

            // The other tenant sees none of it and cannot change or delete it.
            #expect(try APITestHarness.json(try await client.execute(uri: "/v1/segments", method: .get, headers: second))["segments"] == [])
            #expect(try await client.execute(uri: "/v1/segments/recent", method: .get, headers: second).status == .notFound)
            #expect(try await client.execute(uri: "/v1/segments/recent/members", method: .get, headers: second).status == .notFound)
            #expect(try await client.execute(uri: "/v1/segments/recent", method: .delete, headers: second).status == .notFound)

            #expect(try await client.execute(uri: "/v1/segments/recent", method: .delete, headers: first).status == .noContent)
            #expect(try await client.execute(uri: "/v1/segments/recent", method: .get, headers: first).status == .notFound)
        }
    }
}
