import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Synchronization
import Testing

@Suite("Dropshipping — failures, retries and alerts")
struct DropshipFailureTests {
    @Test func aSupplier500IsRetriedWithBackoff() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await VendorServer.with(answer: { request, earlier in
                let tries = earlier.filter { $0.path.hasSuffix("/createOrderV2") }.count
                if request.path.hasSuffix("/createOrderV2"), tries == 0 { return .init(status: 500, body: "upstream broke") }
                return DropshipFixture.happyVendor(request, earlier)
            }) { server in
                let settings = DropshipFixture.settings(server)
                try await shop.placeOrder("1001", lines: [("CJ-A1", 1)])
                try await shop.run(settings)
                var row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").first)
                #expect(row.status == .pending)
                #expect(row.attempts == 1)
                #expect(row.lastError?.contains("HTTP 500") == true)
                #expect(row.nextAttemptAt == DropshipFixture.start.addingTimeInterval(60))
                let health = try #require(try await store.integrationHealth().first { $0.name == "cj" })
                #expect(health.failures == 1)
                #expect(health.lastError?.contains("HTTP 500") == true)
                shop.clock.advance(by: 30)
                try await shop.run(settings)
                #expect(server.requests("POST", "/createOrderV2").count == 1, "not before the backoff")
                shop.clock.advance(by: 31)
                try await shop.run(settings)
                row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").first)
                #expect(row.status == .placed)
                #expect(row.supplierOrderID == "CJ-7781")
                #expect(row.lastError == nil)
            }
        }
    }

    @Test func aSupplierDownStaysQueuedAndCatchesUp() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await VendorServer.with(answer: DropshipFixture.happyVendor) { server in
                // Port 9 on the loopback: nobody listens.
                let down = DropshipFixture.settings(server, cjBase: "http://127.0.0.1:9/cj")
                try await shop.placeOrder("1001", lines: [("CJ-A1", 1)])
                for _ in 0..<3 {
                    try await shop.run(down)
                    shop.clock.advance(by: 3_600)
                }
                var row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").first)
                #expect(row.status == .pending)
                #expect(row.attempts == 3)
                #expect(row.lastError?.hasPrefix("cj_unreachable") == true)
                try await shop.run(DropshipFixture.settings(server))
                row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").first)
                #expect(row.status == .placed)
                #expect(server.requests("POST", "/createOrderV2").count == 1)
            }
        }
    }

    @Test func anUnroutableLineAlertsOnceAndStaysPending() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await VendorServer.with(answer: DropshipFixture.happyVendor) { server in
                let settings = DropshipFixture.settings(server)
                try await shop.placeOrder("1001", lines: [("CJ-A1", 1), ("TEA-01", 2)])
                try await shop.run(settings)
                shop.clock.advance(by: 600)
                try await shop.run(settings)
                let rows = try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001")
                #expect(rows.map(\.supplier) == ["cj", "unroutable"])
                #expect(rows.last?.status == .unroutable)
                #expect(rows.last?.alertedAt == DropshipFixture.start)
                let alerts = server.requests("POST", "/slack/hook")
                #expect(alerts.count == 1)
                let text = try #require(alerts.first?.json["text"]?.stringValue)
                #expect(text.contains("order 1001") && text.contains("TEA-01") && text.contains("no supplier prefix matches"))
                #expect(server.requests("POST", "/createOrderV2").count == 1, "the routable part is still placed")
            }
        }
    }

    @Test func aMissingAddressFailsWithTheFieldAndAlerts() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await VendorServer.with(answer: DropshipFixture.happyVendor) { server in
                let settings = DropshipFixture.settings(server)
                try await shop.placeOrder("1002", lines: [("BB-V100", 1)], address: ["name": "Ana Lima", "address1": "1 rue", "country_code": "FR"])
                try await shop.run(settings)
                let row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1002").first)
                #expect(row.status == .failed)
                #expect(row.lastError?.contains("shipping_address.city") == true)
                #expect(server.requests("POST", "/rest/order/create.json").isEmpty)
                let text = try #require(server.requests("POST", "/slack/hook").first?.json["text"]?.stringValue)
                #expect(text.contains("BigBuy") && text.contains("1002") && text.contains("shipping_address.city"))
            }
        }
    }

    @Test func anAPIKeyIsExchangedForATokenOnce() async throws {
        try await VendorServer.with(answer: { request, earlier in
            if request.path == "/cj/authentication/getAccessToken" {
                return .init(
                    status: 200,
                    body: #"{"code":200,"result":true,"message":"Success","data":{"openId":1,"accessToken":"tok-from-key","#
                        + #""accessTokenExpiryDate":"2026-03-17T10:00:00+08:00"}}"#)
            }
            return DropshipFixture.happyVendor(request, earlier)
        }) { server in
            let clock = ManualClock(DropshipFixture.start)
            let token = CJAccessToken(apiKey: "CJ123@api@secret", baseURL: server.baseURL + "/cj", clock: clock)
            let client = CJClient(
                token: token, baseURL: server.baseURL + "/cj", logisticName: "CJPacket Ordinary", fromCountryCode: "CN", http: SupplierHTTP())
            #expect(try await client.tracking(supplierOrderID: "CJ-7781")?.number == "YT2403100001")
            #expect(try await client.tracking(supplierOrderID: "CJ-7781")?.carrier == "YunExpress")
            let exchanges = server.requests("POST", "/authentication/getAccessToken")
            #expect(exchanges.count == 1)
            #expect(exchanges.first?.json == ["apiKey": "CJ123@api@secret"])
            #expect(server.requests("GET", "/getOrderDetail").allSatisfy { $0.header("CJ-Access-Token") == "tok-from-key" })
            clock.advance(by: 14 * 86_400)
            _ = try await client.tracking(supplierOrderID: "CJ-7781")
            #expect(server.requests("POST", "/authentication/getAccessToken").count == 2, "renewed a day before it expires")
        }
    }

    @Test func aShopifyRefusalStillTellsTheCustomer() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await VendorServer.with(answer: { request, earlier in
                if request.path.hasPrefix("/shopify/") { return .init(status: 404, body: #"{"errors":"Not Found"}"#) }
                return DropshipFixture.happyVendor(request, earlier)
            }) { server in
                let settings = DropshipFixture.settings(server)
                try await shop.placeOrder("1001", lines: [("CJ-A1", 1)])
                try await shop.run(settings)
                shop.clock.advance(by: 3_601)
                try await shop.run(settings)
                let row = try #require(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").first)
                #expect(row.status == .shipped)
                #expect(row.lastError?.contains("not synced to the shop") == true, "\(row.lastError ?? "")")
                let sms = try await store.outboxMessages(tenantID: shop.tenantID).filter { $0.message.template == "shipping-notification-sms" }
                #expect(sms.count == 1)
                #expect(try await store.integrationHealth().first { $0.name == "shopify" }?.failures == 1)
            }
        }
    }

    @Test func nothingHappensWithoutASupplier() async throws {
        try await DropshipFixture.withSQLiteFile { store in
            let shop = try await DropshipFixture.make(store: store)
            try await shop.placeOrder("1001", lines: [("CJ-A1", 1)])
            let pass = DropshipPass(dependencies: shop.dependencies, settings: DropshippingSettings(), slack: nil)
            let done = await pass.runDue(now: DropshipFixture.start)
            #expect(done == 0)
            #expect(try await store.supplierOrders(tenantID: shop.tenantID, orderID: "1001").isEmpty)
        }
    }
}
