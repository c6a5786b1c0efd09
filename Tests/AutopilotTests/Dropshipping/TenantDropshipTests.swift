import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage
import Testing

/// An agency's shop with its own CJ key, SKU prefixes and WooCommerce shop (its settings, secrets encrypted), on a
/// process with no supplier at all: its order is placed with its key and the tracking written back to its WooCommerce
/// (Shipment Tracking item and a private order note, each once); another tenant's order goes nowhere.
@Suite("Dropshipping — per tenant, tracking written back to WooCommerce")
struct TenantDropshipTests {
    static let cipher = try! SettingsCipher(key: Array(repeating: 7, count: 32))

    /// CJ ships at once; WooCommerce has the Shipment Tracking extension and keeps what is posted to it.
    static func vendor(extensionInstalled: Bool) -> @Sendable (VendorServer.Received, [VendorServer.Received]) -> VendorServer.Reply {
        { request, earlier in
            let items = "/woo/wp-json/wc-shipment-tracking/v3/orders/2001/shipment-trackings"
            let notes = "/woo/wp-json/wc/v3/orders/2001/notes"
            switch (request.method, request.path) {
            case ("POST", "/cj/shopping/order/createOrderV2"):
                return .init(status: 200, body: #"{"code":200,"result":true,"message":"Success","data":{"orderId":"CJ-9001"}}"#)
            case ("GET", "/cj/shopping/order/getOrderDetail"):
                return .init(
                    status: 200,
                    body: #"{"code":200,"result":true,"data":{"orderId":"CJ-9001","trackNumber":"YT777","logisticName":"YunExpress","#
                        + #""trackingUrl":"https://track.example/YT777"}}"#)
            case ("GET", items), ("POST", items):
                guard extensionInstalled else {
                    return .init(status: 404, body: #"{"code":"rest_no_route","message":"No route was found matching the URL and request method.","data":{"status":404}}"#)
                }
                if request.method == "POST" {
                    return .init(
                        status: 201,
                        body: #"{"tracking_id":"a1b2","tracking_provider":"","custom_tracking_provider":"YunExpress","tracking_number":"YT777","date_shipped":"2026-03-02"}"#)
                }
                let posted = earlier.filter { $0.method == "POST" && $0.path == items }.map(\.body)
                return .init(status: 200, body: "[" + posted.joined(separator: ",") + "]")
            case ("GET", notes):
                let posted = earlier.filter { $0.method == "POST" && $0.path == notes }.map { request -> String in
                    let note = request.json["note"]?.stringValue ?? ""
                    return JSONValue.object(["id": 77, "note": .string(note), "customer_note": false]).jsonString
                }
                return .init(status: 200, body: "[" + posted.joined(separator: ",") + "]")
            case ("POST", notes):
                return .init(status: 201, body: #"{"id":77,"note":"ok","customer_note":false}"#)
            default:
                return .init(status: 404, body: #"{"code":"rest_no_route"}"#)
            }
        }
    }

    static func configure(_ fixture: DropshipFixture, _ server: VendorServer) async throws -> String {
        try await ShopSettings.update(
            [
                "dropshipping.sku_prefixes": "CJ-=cj", "cj.access_token": "cj-tenant-token", "woocommerce.url": server.baseURL + "/woo",
                "woocommerce.consumer_key": "ck_tenant", "woocommerce.consumer_secret": "cs_tenant",
            ], store: fixture.store, tenantID: fixture.tenantID, cipher: Self.cipher, now: fixture.clock.now())
        let other = try await TenantService(dependencies: fixture.dependencies).create(name: "other-shop").tenantID
        let event = Fixtures.envelope(
            "order.placed", at: "2026-03-02T09:59:00Z", key: "other-order", contact: ["email": "zoe@example.com"],
            properties: [
                "order_id": "3001", "lines": [["sku": "CJ-A1", "quantity": 1, "price": 10.0]], "total": 10.0, "currency": "EUR",
                "shipping_address": DropshipFixture.address,
            ])
        _ = try await IngestPipeline(dependencies: fixture.dependencies).ingest(document: ["events": [event]], tenantID: other)
        return other
    }

    static func engineSettings(_ server: VendorServer) -> FlowEngineSettings {
        var settings = FlowEngineSettings()
        settings.settingsCipher = Self.cipher
        // The process has no supplier of its own, only CJ's address (CJ_BASE_URL): the tenant's key is used there.
        settings.dropshipping.clients = [:]
        settings.dropshipping.cjBaseURL = server.baseURL + "/cj"
        return settings
    }

    @Test func aTenantsOwnKeysPlaceTheOrderAndItsWooCommerceGetsTheTracking() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: DropshipFixture.start)
        try await Self.run(store, extensionInstalled: true)
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func onPostgreSQL() async throws {
        try await TestDatabases.withPostgres { try await Self.run($0, extensionInstalled: true) }
    }

    @Test func aSiteWithoutShipmentTrackingGetsTheNoteOnly() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: DropshipFixture.start)
        try await Self.run(store, extensionInstalled: false)
    }

    static func run(_ store: SQLStore, extensionInstalled: Bool) async throws {
        let fixture = try await DropshipFixture.make(store: store)
        try await VendorServer.with(answer: Self.vendor(extensionInstalled: extensionInstalled)) { server in
            let other = try await Self.configure(fixture, server)
            try await fixture.placeOrder("2001", lines: [("CJ-A1", 2)])
            let settings = Self.engineSettings(server)
            try await fixture.run(settings)
            fixture.clock.advance(by: 3_700)
            try await fixture.run(settings)

            let creates = server.requests("POST", "/createOrderV2")
            #expect(creates.count == 1, "only the tenant with a supplier key dropships")
            #expect(creates.first?.header("CJ-Access-Token") == "cj-tenant-token")
            #expect(creates.first?.json["orderNumber"] == "2001")
            #expect(try await store.supplierOrders(tenantID: other, orderID: "3001").isEmpty, "the other shop's order is not the tenant's to place")

            let notes = server.requests("POST", "/wc/v3/orders/2001/notes")
            #expect(notes.count == 1)
            #expect(notes.first?.json["customer_note"] == false)
            #expect(notes.first?.json["note"]?.stringValue?.contains("YT777") == true)
            let expectedAuth = "Basic " + Data("ck_tenant:cs_tenant".utf8).base64EncodedString()
            #expect(notes.first?.header("Authorization") == expectedAuth)
            let items = server.requests("POST", "/shipment-trackings")
            if extensionInstalled {
                #expect(items.count == 1)
                #expect(items.first?.json["tracking_number"] == "YT777")
                #expect(items.first?.json["custom_tracking_provider"] == "YunExpress")
                #expect(items.first?.json["custom_tracking_link"] == "https://track.example/YT777")
                #expect(items.first?.json["date_shipped"] == "2026-03-02")
            } else {
                #expect(items.isEmpty && server.requests("GET", "/shipment-trackings").count == 1, "one probe, answered rest_no_route")
            }
            let shipped = try #require(try await store.supplierOrders(tenantID: fixture.tenantID, orderID: "2001").first)
            #expect(shipped.status == .shipped && shipped.lastError == nil, "\(shipped.lastError ?? "")")

            // Writing again (a retry after a crash) adds nothing: the note and the item are found first.
            let woo = WooCommerceTracking(siteURL: server.baseURL + "/woo", consumerKey: "ck_tenant", consumerSecret: "cs_tenant")
            let again = try await woo.write(
                orderID: "2001", tracking: SupplierTracking(number: "YT777", carrier: "YunExpress", url: "https://track.example/YT777"),
                shippedOn: "2026-03-02")
            #expect(again.noteAdded == false)
            #expect(again.tracking == (extensionInstalled ? .alreadyThere : .noExtension))
            #expect(server.requests("POST", "/wc/v3/orders/2001/notes").count == 1)
        }
    }
}
