import AutopilotCore
import Channels
import Engine
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrations
import NIOCore
import Server
import Storage
import TestSupport
import Testing

/// The whole review loop over real HTTP: Shopify reports an order and its delivery, the review-request flow asks for a
/// review a week later, Judge.me reports a two-star review that names only the product, and the flow alerts the team
/// on Slack (a loopback incoming webhook) and opens a follow-up task.
@Suite("Review loop — delivered, asked, two stars, alert")
struct ReviewLoopTests {
    @Test func onSQLite() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        try await Self.aBadReviewAfterDeliveryAlertsTheTeam(store)
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func onPostgreSQL() async throws {
        try await TestDatabases.withPostgres { try await Self.aBadReviewAfterDeliveryAlertsTheTeam($0) }
    }

    static func aBadReviewAfterDeliveryAlertsTheTeam(_ store: SQLStore) async throws {
        let shop = try await TestShop.make(store: store, at: Fixtures.date("2026-03-01T10:00:00Z"), seed: 17)
        let service = WebhookService(dependencies: shop.dependencies)
        let shopifyPath = try await service.register(provider: "shopify", secret: "shpss_secret", tenantID: shop.tenantID)
        let judgeMePath = try await service.register(provider: "judgeme", secret: "jdgm_secret", tenantID: shop.tenantID)
        try await shop.ingest([
            Fixtures.envelope(
                "product.updated", at: "2026-03-01T09:00:00Z", key: "p-tea", contact: nil,
                properties: ["sku": "TEA-01", "title": "Thé vert Sencha", "price": 24.0, "url": "https://the-shop.myshopify.com/products/the-vert-sencha"])
        ])
        let app = buildApplication(configuration: ServerConfiguration(), dependencies: shop.dependencies, databaseName: "test")
        try await LoopbackServer.with(answer: { _ in (200, "ok") }) { slack in
            var settings = FlowEngineSettings()
            settings.slack = try #require(SlackWebhook(url: slack.baseURL + "/services/T1/B1/alerts"))
            let simulator = FlowSimulator(worker: try TestWorker.make(shop.dependencies, settings: settings), clock: shop.clock)
            try await app.test(.live) { client in
                func shopify(_ topic: String, _ body: String, id: String) async throws -> TestResponse {
                    let headers: HTTPFields = [
                        HTTPField.Name("X-Shopify-Hmac-Sha256")!: ShopifySignature(secret: "shpss_secret").sign(Array(body.utf8)),
                        HTTPField.Name("X-Shopify-Topic")!: topic, HTTPField.Name("X-Shopify-Webhook-Id")!: id, .contentType: "application/json",
                    ]
                    return try await client.execute(uri: shopifyPath, method: .post, headers: headers, body: ByteBuffer(string: body))
                }
                let customer = """
                    {"id": 7077410021556, "email": "camille@example.fr", "first_name": "Camille", "last_name": "Durand", "locale": "fr",
                     "created_at": "2026-03-01T10:55:00+01:00", "updated_at": "2026-03-01T10:55:00+01:00",
                     "email_marketing_consent": {"state": "subscribed", "opt_in_level": "single_opt_in", "consent_updated_at": "2026-03-01T10:55:00+01:00"}}
                    """
                #expect(try await shopify("customers/create", customer, id: "w-0").status == .ok)
                #expect(try await shopify("orders/create", ShopEventLoopTests.order, id: "w-1").status == .ok)
                shop.clock.set(Fixtures.date("2026-03-04T14:00:00Z"))
                let delivered = """
                    {"id": 944956395, "fulfillment_id": 255858046, "status": "delivered", "happened_at": "2026-03-04T14:32:00+01:00",
                     "order_id": 5834120937572, "shop_id": 690933842}
                    """
                #expect(try await shopify("fulfillment_events/create", delivered, id: "w-2").status == .ok)

                _ = try await simulator.run(events: [], tenantID: shop.tenantID, until: Fixtures.date("2026-03-12T12:00:00Z"))
                let asked = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
                let request = try #require(asked.first { $0.flow == "review-request" && $0.template == "review-request" })
                #expect(request.contact == "camille@example.fr" && request.status == "sent", "\(request)")
                #expect(slack.requests.isEmpty)

                let review = ReviewFixtures.judgeMe(rating: 2, email: "camille@example.fr", id: 418_239_057, at: "2026-03-12T10:00:00.000+01:00")
                let posted = try await client.execute(
                    uri: judgeMePath, method: .post, headers: ReviewWebhookHTTPTests.judgeMeHeaders(review, secret: "jdgm_secret"),
                    body: ByteBuffer(string: review))
                #expect(posted.status == .ok, "\(String(buffer: posted.body))")
            }
            let recorded = try #require(try await shop.store.events(EventQuery(type: .reviewSubmitted), tenantID: shop.tenantID).events.first)
            #expect(recorded.properties["order_id"] == "5834120937572", "tied to the order that holds the reviewed product")
            #expect(recorded.properties["sku"] == "TEA-01")

            _ = try await simulator.run(events: [], tenantID: shop.tenantID, until: Fixtures.date("2026-03-12T14:00:00Z"))
            let runs = try await shop.store.flowRunCounts(tenantID: shop.tenantID)
            let alert = try #require(slack.requests.first, "the team is alerted on Slack; runs: \(runs)")
            let text = try JSONParser.parse(alert.body)["text"]?.stringValue ?? ""
            #expect(text.contains("Camille") && text.contains("5834120937572") && text.contains("2/5"), "\(text)")
            #expect(text.contains("éventé"))
            let camille = try #require(try await shop.store.contactID(email: "camille@example.fr", tenantID: shop.tenantID))
            let tasks = try await shop.store.flowActions(tenantID: shop.tenantID, kind: "task", status: "open", limit: 10)
            #expect(tasks.contains { $0.contactID == camille && $0.payload.contains("low rating") }, "a follow-up task: \(tasks.map(\.payload))")
            let counts = try await shop.store.flowRunCounts(tenantID: shop.tenantID)
            #expect(counts.contains { $0.flowID == "review-request" && $0.status == .exited && $0.reason == "low_rating" })
            let messages = try await FlowQueries(store: shop.store).messages(tenantID: shop.tenantID)
            #expect(!messages.contains { $0.template == "review-reminder" || $0.template == "review-photo-incentive" })
        }
    }
}
