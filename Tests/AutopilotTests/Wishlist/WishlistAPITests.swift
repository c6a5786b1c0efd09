import AutopilotCore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Storage
import Testing

/// A wishlist app adds and removes products through `POST /v1/events`; the wishlist follows, per tenant.
@Suite("HTTP API — wishlist added and removed")
struct WishlistAPITests {
    static func wish(_ type: String, _ sku: String, key: String, at: String) -> JSONValue {
        Fixtures.envelope(type, at: at, key: key, contact: ["email": "lea@example.fr"], properties: ["sku": .string(sku)])
    }

    @Test func aRemovedProductLeavesTheWishlistInOrder() async throws {
        let harness = try await APITestHarness.make()
        let tenants = try await harness.store.tenants()
        let first = try #require(tenants.first { $0.name == "First shop" }?.id)
        let second = try #require(tenants.first { $0.name == "Second shop" }?.id)
        try await harness.app.test(.router) { client in
            func post(_ events: [JSONValue], key: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/v1/events", method: .post, headers: APITestHarness.auth(key), body: APITestHarness.body(["events": .array(events)]))
            }
            let added = try await post(
                [
                    Self.wish("wishlist.added", "TEA-01", key: "w1", at: "2026-03-01T10:00:00Z"),
                    Self.wish("wishlist.added", "COF-02", key: "w2", at: "2026-03-01T10:01:00Z"),
                ], key: harness.firstKey)
            #expect(added.status == .ok || added.status == .accepted, "\(String(buffer: added.body))")
            _ = try await post([Self.wish("wishlist.added", "TEA-01", key: "o1", at: "2026-03-01T10:00:00Z")], key: harness.secondKey)
            #expect(try await harness.store.summary(tenantID: first).wishlistItems == 2)

            // Removed, then in one batch added and removed again (the last word wins), then COF-02 removed and re-added.
            _ = try await post([Self.wish("wishlist.removed", "TEA-01", key: "r1", at: "2026-03-02T10:00:00Z")], key: harness.firstKey)
            #expect(try await harness.store.summary(tenantID: first).wishlistItems == 1)
            _ = try await post(
                [
                    Self.wish("wishlist.added", "TEA-01", key: "a2", at: "2026-03-03T10:00:00Z"),
                    Self.wish("wishlist.removed", "TEA-01", key: "r2", at: "2026-03-03T10:01:00Z"),
                    Self.wish("wishlist.removed", "COF-02", key: "r3", at: "2026-03-03T10:02:00Z"),
                    Self.wish("wishlist.added", "COF-02", key: "a3", at: "2026-03-03T10:03:00Z"),
                ], key: harness.firstKey)
            #expect(try await harness.store.summary(tenantID: first).wishlistItems == 1)
            #expect(try await harness.store.summary(tenantID: second).wishlistItems == 1, "the other shop's wishlist is untouched")

            let missing = try await post(
                [Fixtures.envelope("wishlist.removed", key: "bad", contact: ["email": "lea@example.fr"], properties: [:])], key: harness.firstKey)
            #expect(missing.status == .unprocessableContent || missing.status == .badRequest)
            #expect(String(buffer: missing.body).contains("properties.sku"))
        }
        let rows = try await harness.store.database.read([
            SQLStatement("SELECT sku FROM wishlist_items WHERE tenant_id = ?", [.text(first)])
        ])[0]
        #expect(rows.map { $0.text(0) } == ["COF-02"])
    }
}
