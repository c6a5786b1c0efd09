import AutopilotCore
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Testing

@Suite("Dropshipping — GET /v1/orders/{id}/routing")
struct OrderRoutingAPITests {
    @Test func showsTheSplitAndAnswers404ForAnotherTenant() async throws {
        let harness = try await APITestHarness.make()
        try await harness.app.test(.router) { client in
            let order = Fixtures.envelope(
                "order.placed", key: "o-2001", contact: ["email": "ana@example.com"],
                properties: [
                    "order_id": "2001", "total": 40.0, "currency": "EUR",
                    "lines": [
                        ["sku": "CJ-A1", "quantity": 2, "price": 10.0], ["sku": "BB-V9", "quantity": 1, "price": 10.0],
                        ["sku": "TEA-01", "quantity": 1, "price": 10.0],
                    ],
                ])
            let posted = try await client.execute(
                uri: "/v1/events", method: .post, headers: APITestHarness.auth(harness.firstKey), body: APITestHarness.body(["events": [order]]))
            #expect(posted.status.code < 300)
            let answer = try await client.execute(uri: "/v1/orders/2001/routing", method: .get, headers: APITestHarness.auth(harness.firstKey))
            #expect(answer.status == .ok)
            let body = try APITestHarness.json(answer)
            #expect(body["order_id"] == "2001")
            #expect(body["suppliers"]?[0]?["supplier"] == "cj")
            let line = body["suppliers"]?[0]?["lines"]?[0]
            #expect(line?["sku"] == "CJ-A1" && line?["reference"] == "A1" && line?["quantity"] == 2)
            #expect(body["suppliers"]?[0]?["lines"]?.arrayValue?.count == 1)
            #expect(body["suppliers"]?[1]?["supplier"] == "bigbuy")
            #expect(body["unroutable"]?[0]?["sku"] == "TEA-01")
            #expect(body["supplier_orders"] == [])
            let theirs = try await client.execute(uri: "/v1/orders/2001/routing", method: .get, headers: APITestHarness.auth(harness.secondKey))
            #expect(theirs.status == .notFound)
        }
    }
}
