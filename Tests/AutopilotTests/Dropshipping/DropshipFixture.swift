import AutopilotCore
import Channels
import Engine
import Foundation
import Integrations
import NIOCore
import Storage

/// A shop on a store with the dropshipping pass pointed at a `VendorServer` (CJ under /cj, BigBuy under /bigbuy, Shopify
/// under /shopify, Slack under /slack).
struct DropshipFixture {
    let store: SQLStore
    let clock: ManualClock
    let dependencies: Dependencies
    let tenantID: String

    static let start = Fixtures.date("2026-03-02T10:00:00Z")

    static func make(store: SQLStore) async throws -> DropshipFixture {
        let clock = ManualClock(start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 31))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "dropship-shop").tenantID
        return DropshipFixture(store: store, clock: clock, dependencies: dependencies, tenantID: tenantID)
    }

    /// A migrated SQLite file in a fresh temporary folder.
    static func withSQLiteFile<Result: Sendable>(_ body: @Sendable (SQLStore) async throws -> Result) async throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropship-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SQLStore(database: try SQLiteDatabase(path: folder.appendingPathComponent("autopilot.sqlite").path))
        try await store.migrate(now: start)
        return try await body(store)
    }

    static let address: JSONValue = [
        "first_name": "Ana", "last_name": "Lima", "address1": "12 rue des Lilas", "address2": "Bât. B", "city": "Lyon", "province": "Rhône",
        "zip": "69003", "country": "France", "country_code": "FR", "phone": "+33611223344",
    ]

    /// `order.placed` for order `id` with these lines (sku, quantity), by a contact with an email and a phone.
    func placeOrder(_ id: String, lines: [(String, Int)], key: String? = nil, address: JSONValue? = DropshipFixture.address) async throws {
        var properties: JSONObject = [
            "order_id": .string(id), "lines": .array(lines.map { ["sku": .string($0.0), "quantity": .int(Int64($0.1)), "price": 10.0] }),
            "total": .double(Double(lines.reduce(0) { $0 + $1.1 }) * 10), "currency": "EUR",
        ]
        properties["shipping_address"] = address
        let event = Fixtures.envelope(
            "order.placed", at: "2026-03-02T09:59:00Z", key: key ?? "order-\(id)", contact: ["email": "ana@example.com", "phone": "+33611223344"],
            properties: .object(properties))
        _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": [event]], tenantID: tenantID)
    }

    static func settings(_ server: VendorServer, cjBase: String? = nil) -> FlowEngineSettings {
        var dropshipping = DropshippingSettings()
        // A short timeout: a client retries a refused connection until its deadline.
        dropshipping.clients[.cj] = CJClient(
            accessToken: "cj-token-1", baseURL: cjBase ?? server.baseURL + "/cj", http: SupplierHTTP(timeout: .seconds(2)))
        dropshipping.clients[.bigbuy] = BigBuyClient(apiKey: "bb-key-2", baseURL: server.baseURL + "/bigbuy")
        dropshipping.shopify = ShopifyFulfillments(shopURL: server.baseURL + "/shopify", accessToken: "shpat_test")
        var settings = FlowEngineSettings()
        settings.dropshipping = dropshipping
        settings.slack = SlackWebhook(url: server.baseURL + "/slack/hook")
        return settings
    }

    /// Runs the flow engine (and with it the dropshipping pass) at the clock's time.
    func run(_ settings: FlowEngineSettings) async throws {
        try await TestWorker.make(dependencies, settings: settings).runDue(now: clock.now())
    }

    /// Vendors that work: CJ ships at once, BigBuy has no tracking yet, Shopify has both lines open.
    static func happyVendor(_ request: VendorServer.Received, _ earlier: [VendorServer.Received]) -> VendorServer.Reply {
        switch (request.method, request.path) {
        case ("POST", "/cj/shopping/order/createOrderV2"):
            return .init(status: 200, body: #"{"code":200,"result":true,"message":"Success","data":{"orderId":"CJ-7781","orderNumber":"1001"}}"#)
        case ("GET", "/cj/shopping/order/getOrderDetail"):
            return .init(
                status: 200,
                body: #"{"code":200,"result":true,"message":"Success","data":{"orderId":"CJ-7781","orderStatus":"SHIPPED","#
                    + #""trackNumber":"YT2403100001","logisticName":"YunExpress","trackingUrl":"https://track.example/YT2403100001"}}"#)
        case ("POST", "/bigbuy/rest/order/create.json"):
            return .init(status: 201, body: "", headers: ["Location": "/rest/order/555001.json"])
        case ("GET", "/bigbuy/rest/tracking/order/555001.json"):
            return .init(status: 200, body: "[]")
        case ("GET", "/shopify/admin/api/2024-10/orders/1001.json"):
            return .init(status: 200, body: #"{"order":{"id":1001,"line_items":[{"id":11,"sku":"CJ-A1"},{"id":12,"sku":"BB-V100"}]}}"#)
        case ("GET", "/shopify/admin/api/2024-10/orders/1001/fulfillment_orders.json"):
            return .init(
                status: 200,
                body: #"{"fulfillment_orders":[{"id":501,"status":"open","line_items":["#
                    + #"{"id":601,"line_item_id":11,"quantity":2,"fulfillable_quantity":2},"#
                    + #"{"id":602,"line_item_id":12,"quantity":1,"fulfillable_quantity":1}]}]}"#)
        case ("POST", "/shopify/admin/api/2024-10/fulfillments.json"):
            return .init(status: 201, body: #"{"fulfillment":{"id":9001,"status":"success"}}"#)
        case ("POST", "/slack/hook"):
            return .init(status: 200, body: "ok")
        default:
            return .init(status: 404, body: "not found")
        }
    }
}
