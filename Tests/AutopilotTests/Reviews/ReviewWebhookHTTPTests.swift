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

/// Judge.me and Yotpo posting to the real application over HTTP on loopback, with each tenant's own secret.
@Suite("HTTP API — review webhooks")
struct ReviewWebhookHTTPTests {
    static let review = ReviewFixtures.judgeMe(rating: 4, email: "camille@example.fr", id: 5001)

    static func judgeMeHeaders(_ body: String, secret: String) -> HTTPFields {
        [HTTPField.Name("JUDGEME-HMAC-SHA256")!: JudgeMeSignature(secret: secret).sign(Array(body.utf8)), .contentType: "application/json"]
    }

    @Test func aSignedJudgeMeReviewIsRecordedOnceForItsTenantOnly() async throws {
        let harness = try await APITestHarness.make()
        let tenants = try await harness.store.tenants()
        let first = try #require(tenants.first { $0.name == "First shop" }?.id)
        let second = try #require(tenants.first { $0.name == "Second shop" }?.id)
        let service = WebhookService(dependencies: Dependencies(store: harness.store, clock: harness.clock))
        let firstPath = try await service.register(provider: "judgeme", secret: "first-secret", tenantID: first)
        let secondPath = try await service.register(provider: "judgeme", secret: "second-secret", tenantID: second)
        try await harness.app.test(.live) { client in
            let body = ByteBuffer(string: Self.review)
            let accepted = try await client.execute(
                uri: firstPath, method: .post, headers: Self.judgeMeHeaders(Self.review, secret: "first-secret"), body: body)
            #expect(accepted.status == .ok, "\(String(buffer: accepted.body))")
            #expect(try APITestHarness.json(accepted)["accepted"] == 1)
            let retry = try await client.execute(
                uri: firstPath, method: .post, headers: Self.judgeMeHeaders(Self.review, secret: "first-secret"), body: body)
            #expect(try APITestHarness.json(retry)["outcome"] == "replay")

            let crossed = try await client.execute(
                uri: secondPath, method: .post, headers: Self.judgeMeHeaders(Self.review, secret: "first-secret"), body: body)
            #expect(crossed.status == .unauthorized, "the first shop's secret opens nothing of the second's")
            let tampered = Self.review.replacingOccurrences(of: "\"rating\": 4", with: "\"rating\": 1")
            let altered = try await client.execute(
                uri: firstPath, method: .post, headers: Self.judgeMeHeaders(Self.review, secret: "first-secret"), body: ByteBuffer(string: tampered))
            #expect(altered.status == .unauthorized)
            let broken = "{\"review\": {\"id\": 9}}"
            let invalid = try await client.execute(
                uri: firstPath, method: .post, headers: Self.judgeMeHeaders(broken, secret: "first-secret"), body: ByteBuffer(string: broken))
            #expect(invalid.status == .badRequest)
            #expect(String(buffer: invalid.body).contains("review.rating"))
        }
        let reviews = try await harness.store.events(EventQuery(type: .reviewSubmitted), tenantID: first).events
        #expect(reviews.count == 1)
        #expect(reviews.first?.properties["rating"]?.doubleValue == 4)
        #expect(try await harness.store.events(EventQuery(type: .reviewSubmitted), tenantID: second).events.isEmpty)
    }

    @Test func yotpoPostsToTheURLWithItsKey() async throws {
        let harness = try await APITestHarness.make()
        let first = try #require(try await harness.store.tenants().first { $0.name == "First shop" }?.id)
        let service = WebhookService(dependencies: Dependencies(store: harness.store, clock: harness.clock))
        let path = try await service.register(provider: "yotpo", secret: "yk_51f0e2d", tenantID: first)
        let body = ReviewFixtures.yotpo(score: "1", email: "bob@example.com", id: "219", orderID: "1002")
        try await harness.app.test(.live) { client in
            let keyless = try await client.execute(uri: path, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(keyless.status == .unauthorized)
            let keyed = try await client.execute(
                uri: path + "?key=yk_51f0e2d", method: .post, headers: [.contentType: "application/json", HTTPField.Name("eventid")!: "066c9f28"],
                body: ByteBuffer(string: body))
            #expect(keyed.status == .ok, "\(String(buffer: keyed.body))")
            #expect(try APITestHarness.json(keyed)["accepted"] == 1)
        }
        let review = try #require(try await harness.store.events(EventQuery(type: .reviewSubmitted), tenantID: first).events.first)
        #expect(review.properties["rating"]?.doubleValue == 1 && review.properties["order_id"] == "1002")
    }
}

/// Review webhook bodies in each vendor's documented shape.
enum ReviewFixtures {
    static func judgeMe(rating: Int, email: String, id: Int, handle: String = "the-vert-sencha", at: String = "2026-03-01T09:15:00.000+01:00") -> String {
        """
        {"review": {"id": \(id), "title": "Mon avis", "body": "Le thé est arrivé éventé.", "rating": \(rating), "product_external_id": 7981234567890,
         "product_title": "Thé vert Sencha", "product_handle": "\(handle)", "reviewer": {"id": 77, "email": "\(email)", "name": "Camille D."},
         "source": "email", "published": true, "hidden": false, "created_at": "\(at)", "updated_at": "\(at)", "pictures": []}}
        """
    }

    static func yotpo(score: String, email: String, id: String, orderID: String) -> String {
        """
        {"event": "review_create", "data": {"id": "\(id)", "title": "Bof", "content": "Pas terrible", "user_id": "209", "score": "\(score)",
         "deleted": "false", "archived": "false", "created_at": "2026-03-01 14:12:13 UTC", "updated_at": "2026-03-01 14:12:13 UTC",
         "user_type": "verifiedBuyer", "verified_buyer": "true", "order": {"id": 523556, "external_id": "\(orderID)"},
         "customer_email": "\(email)"}}
        """
    }
}
