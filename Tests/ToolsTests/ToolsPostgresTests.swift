import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import Testing
import Tools

/// The same tools on PostgreSQL (the catalog search, phone lookup, recent sends and read-only keys are SQL of their own).
/// Runs when AUTOPILOT_TEST_POSTGRES_URL is set, on a fresh database.
@Suite("Tools — on PostgreSQL", .enabled(if: ToolsPostgres.url != nil, "set AUTOPILOT_TEST_POSTGRES_URL to run"))
struct ToolsPostgresTests {
    @Test func lookupsIsolationAndReadOnlyKeysOnPostgreSQL() async throws {
        try await ToolsPostgres.withStore { store in
            let shop = try await ToolShop.seed(store)
            let lamps = await shop.call("search_products", ["query": "LAMPE 100%"]).value?["products"]?.arrayValue
            #expect(lamps == [])
            let found = await shop.call("search_products", ["query": "lampe"]).value?["products"]?.arrayValue?.compactMap { $0["sku"]?.stringValue }
            #expect(found == ["LUM-LAMP-01", "LUM-LAMP-02"])
            #expect(await shop.call("search_products", ["query": "100%"]).value?["products"]?[0]?["sku"] == "LUM-BULB")
            #expect(await shop.call("find_contact", ["phone": "+33612345678"]).value?["contact"]?["first_name"] == "Amina")
            #expect(await shop.call("find_contact", ["phone": "+33698765432"]).error?.code == "not_found")
            #expect(await shop.call("check_order_status", ["order_id": "B-2001"]).error?.code == "not_found")
            let arguments: JSONValue = ["email": "amina@lumen.example", "template": "shipping-notification-sms", "idempotency_key": "k"]
            let first = await shop.call("send_message", arguments).value?["message_id"]
            let second = await shop.call("send_message", arguments).value?["message_id"]
            #expect(first != nil && first == second)
            #expect(await shop.call("send_message", ["email": "bruno@lumen.example", "template": "review-request"]).error?.code == "message_refused")
            let access = try await TenantService(dependencies: shop.dependencies).access(apiKey: shop.readOnlyKeyA)
            #expect(access?.readOnly == true && access?.tenantID == shop.tenantA.tenantID)
            let list = await shop.call("list_recommendations").value?["recommendations"]?.arrayValue ?? []
            #expect(!list.isEmpty)
        }
    }
}

enum ToolsPostgres {
    static let url = ProcessInfo.processInfo.environment["AUTOPILOT_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// A new, empty PostgreSQL database for the test, migrated.
    static func withStore(_ body: @Sendable (SQLStore) async throws -> Void) async throws {
        guard let base = url, var components = URLComponents(string: base) else { return }
        var logger = Logger(label: "tools-test")
        logger.logLevel = .critical
        let name = "autopilot_tools_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("CREATE DATABASE \(name)")
        }
        components.path = "/" + name
        guard let database = components.string else { return }
        try await DatabaseConfiguration.postgres(url: database).withStore(logger: logger) { store in
            try await store.migrate(now: ToolShop.now)
            try await body(store)
        }
        try await DatabaseConfiguration.postgres(url: base).withStore(logger: logger) { admin in
            try await admin.database.executeScriptOutsideTransaction("DROP DATABASE IF EXISTS \(name)")
        }
    }
}
