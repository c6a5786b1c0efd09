import AutopilotCore
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrations
import NIOCore
import Storage
import Testing

@Suite("HTTP API — inbound webhooks")
struct WebhookAPITests {
    static let order = """
        {"id": 5834120937572, "email": "camille@example.fr", "created_at": "2026-03-01T11:00:00+01:00", "currency": "EUR",
         "total_price": "48.00", "name": "#1001", "customer": {"id": 7077410021556, "email": "camille@example.fr"},
         "line_items": [{"sku": "TEA-01", "quantity": 2, "price": "24.00", "variant_id": 44012345678901}]}
        """

    func headers(secret: String, body: String, id: String) -> HTTPFields {
        [
            HTTPField.Name("X-Shopify-Hmac-Sha256")!: ShopifySignature(secret: secret).sign(Array(body.utf8)),
            HTTPField.Name("X-Shopify-Topic")!: "orders/create", HTTPField.Name("X-Shopify-Webhook-Id")!: id, .contentType: "application/json",
        ]
    }

    @Test func aSignedShopifyOrderIsIngestedOnceAndATamperedOneIsRefused() async throws {
        let harness = try await APITestHarness.make()
        let tenantID = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
        let path = try await WebhookService(dependencies: Dependencies(store: harness.store, clock: harness.clock)).register(
            provider: "shopify", secret: "shpss_secret", tenantID: tenantID)
        try await harness.app.test(.router) { client in
            let forged = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "wrong", body: Self.order, id: "d-0"), body: ByteBuffer(string: Self.order))
            #expect(forged.status == .unauthorized)
            let tampered = Self.order.replacingOccurrences(of: "48.00", with: "4.80")
            let altered = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "shpss_secret", body: Self.order, id: "d-0"), body: ByteBuffer(string: tampered))
            #expect(altered.status == .unauthorized)
            #expect(try await harness.store.summary(tenantID: tenantID).events == 0)

            let first = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "shpss_secret", body: Self.order, id: "d-1"), body: ByteBuffer(string: Self.order))
            #expect(first.status == .ok, "\(String(buffer: first.body))")
            #expect(try APITestHarness.json(first)["accepted"] == 1)
            let replay = try await client.execute(
                uri: path, method: .post, headers: headers(secret: "shpss_secret", body: Self.order, id: "d-1"), body: ByteBuffer(string: Self.order))
            #expect(try APITestHarness.json(replay)["outcome"] == "replay")
            let order = try #require(try await harness.store.order(externalOrID: "5834120937572", tenantID: tenantID))
            #expect(order.total == 48 && order.lines.first?.sku == "TEA-01")
            #expect(try await harness.store.summary(tenantID: tenantID).events == 1)

            let unknown = try await client.execute(uri: "/v1/webhooks/shopify/not-a-token", method: .post, body: ByteBuffer(string: Self.order))
            #expect(unknown.status == .notFound)
        }
    }
}
