import AutopilotCore
import Engine
import Foundation
import Storage
import Testing

/// The real `autopilot` binary: `orders route --order ID --json` prints the routing decision of a stored order.
@Suite("Dropshipping — autopilot orders route", .enabled(if: ServeProcess.executable != nil, "build the package first: .build/debug/autopilot"))
struct OrdersCLITests {
    @Test func printsTheDecision() async throws {
        let database = FileManager.default.temporaryDirectory.appendingPathComponent("orders-cli-\(UUID().uuidString).sqlite").path
        defer { TestDatabases.removeFiles(of: database) }
        let tenant = try JSONParser.parse(try ServeProcess.run(["tenants", "create", "CLI shop", "--database", database, "--json"]))
        let tenantID = try #require(tenant["tenant_id"]?.stringValue ?? tenant["id"]?.stringValue)
        let store = SQLStore(database: try SQLiteDatabase(path: database))
        let order = Fixtures.envelope(
            "order.placed", at: Timestamp.format(Date().addingTimeInterval(-60)), key: "cli-3001", contact: ["email": "ana@example.com"],
            properties: [
                "order_id": "3001", "total": 30.0, "currency": "EUR",
                "lines": [["sku": "CJD-K1", "quantity": 3, "price": 10.0], ["sku": "MUG-1", "quantity": 1, "price": 0.0]],
            ])
        _ = try await IngestPipeline(dependencies: Dependencies(store: store)).ingest(document: ["events": [order]], tenantID: tenantID)
        try await store.database.close()

        let report = try JSONParser.parse(try ServeProcess.run(["orders", "route", "--order", "3001", "--json", "--database", database]))
        #expect(report["order_id"] == "3001")
        #expect(report["suppliers"]?[0]?["supplier"] == "cj")
        #expect(report["suppliers"]?[0]?["lines"]?[0]?["reference"] == "K1")
        #expect(report["unroutable"]?[0]?["sku"] == "MUG-1")
        let text = try ServeProcess.run(["orders", "route", "--order", "3001", "--database", database])
        #expect(text.contains("CJdropshipping") && text.contains("unroutable") && text.contains("MUG-1"))
        #expect(try ServeProcess.run(["orders", "route", "--order", "nope", "--json", "--database", database]).isEmpty)
    }
}
