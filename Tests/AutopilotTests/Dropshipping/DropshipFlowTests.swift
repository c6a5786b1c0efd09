import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// The dropshipping pass end to end against loopback CJ, BigBuy, Shopify and Slack servers, through the real clients,
/// on a SQLite file (and PostgreSQL when AUTOPILOT_TEST_POSTGRES_URL is set).
@Suite("Dropshipping — supplier orders end to end")
struct DropshipFlowTests {
    @Test func sqliteFile() async throws {
        try await DropshipFixture.withSQLiteFile { try await Self.mixedOrderShipsOnce($0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func postgres() async throws {
        try await TestDatabases.withPostgres { try await Self.mixedOrderShipsOnce($0) }
    }

    static func mixedOrderShipsOnce(_ store: SQLStore) async throws {
        let shop = try await DropshipFixture.make(store: store)
        try await VendorServer.with(answer: DropshipFixture.happyVendor) { server in
            let settings = DropshipFixture.settings(server)
            try await shop.placeOrder("1001", lines: [("CJ-A1", 2), ("BB-V100", 1)])
            try await shop.run(settings)

            // Two supplier orders, with their own bodies and credentials.
            let cj = try #require(server.requests("POST", "/createOrderV2").first)
            #expect(cj.header("CJ-Access-Token") == "cj-token-1")
            #expect(cj.json["orderNumber"] == "1001")
            #expect(cj.json["shippingCountryCode"] == "FR")
            #expect(cj.json["shippingCity"] == "Lyon")
            #expect(cj.json["shippingCustomerName"] == "Ana Lima")
            #expect(cj.json["shippingPhone"] == "+33611223344")
            #expect(cj.json["products"] == [["sku": "A1", "quantity": 2]])
            let bigbuy = try #require(server.requests("POST", "/rest/order/create.json").first)
            #expect(bigbuy.header("Authorization") == "Bearer bb-key-2")
            #expect(bigbuy.json["order"]?["internalReference"] == "1001")
            #expect(bigbuy.json["order"]?["shippingAddress"]?["postcode"] == "69003")
            #expect(bigbuy.json["order"]?["shippingAddress"]?["email"] == "ana@example.com")
            #expect(bigbuy.json["order"]?["products"] == [["reference": "V100", "quantity": 1]])
            var rows = try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001")
            #expect(rows.map(\.supplier) == ["bigbuy", "cj"])
            #expect(rows.map(\.status) == [.placed, .placed])
            #expect(rows.map(\.supplierOrderID) == ["555001", "CJ-7781"])

            // An hour on, CJ has tracking: Shopify fulfils the CJ line, order.fulfilled is recorded, the SMS goes out.
            shop.clock.advance(by: 3_601)
            try await shop.run(settings)
            let detail = try #require(server.requests("GET", "/getOrderDetail").first)
            #expect(detail.query == "orderId=CJ-7781")
            #expect(detail.header("CJ-Access-Token") == "cj-token-1")
            let fulfillment = try #require(server.requests("POST", "/fulfillments.json").first)
            #expect(fulfillment.header("X-Shopify-Access-Token") == "shpat_test")
            let body = try #require(fulfillment.json["fulfillment"])
            #expect(body["tracking_info"] == ["number": "YT2403100001", "company": "YunExpress", "url": "https://track.example/YT2403100001"])
            #expect(
                body["line_items_by_fulfillment_order"]
                    == [["fulfillment_order_id": 501, "fulfillment_order_line_items": [["id": 601, "quantity": 2]]]])
            rows = try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001")
            #expect(rows.map(\.status) == [.placed, .shipped])
            #expect(rows.last?.trackingNumber == "YT2403100001")
            let sms = try await store.outboxMessages(tenantID: shop.tenantID).filter { $0.message.template == "shipping-notification-sms" }
            #expect(sms.count == 1)
            #expect(sms.first?.message.channel == .sms)

            // A replayed order.placed (another key) and more passes: no second supplier order, no second fulfilment.
            try await shop.placeOrder("1001", lines: [("CJ-A1", 2), ("BB-V100", 1)], key: "order-1001-replayed")
            shop.clock.advance(by: 60)
            try await shop.run(settings)
            #expect(server.requests("POST", "/createOrderV2").count == 1)
            #expect(server.requests("POST", "/rest/order/create.json").count == 1)
            #expect(server.requests("POST", "/fulfillments.json").count == 1)
            #expect(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").count == 2)
            #expect(server.requests("POST", "/slack/hook").isEmpty)

            // The CLI's view of the order.
            let report = try #require(
                try await OrderRoutingReport.load(store: store, tenantID: shop.tenantID, orderID: "1001", routing: .defaults))
            #expect(report.suppliers.map(\.supplier) == ["cj", "bigbuy"])
            #expect(report.supplierOrders.map(\.status) == ["placed", "shipped"])
            let health = try await SupplierHealth.load(store: store, configured: [.cj, .bigbuy])
            #expect(health.map(\.supplier) == ["bigbuy", "cj"])
            #expect(health.last?.counts == ["shipped": 1])
            #expect(health.last?.lastSuccessAt != nil)
            let integrations = try await store.integrationHealth()
            #expect(integrations.first { $0.name == "cj" }?.successes == 2, "placed, then polled")
            #expect(integrations.first { $0.name == "shopify" }?.successes == 1)
            #expect(integrations.first { $0.name == "bigbuy" }?.kind == .supplier)
        }
    }
}
