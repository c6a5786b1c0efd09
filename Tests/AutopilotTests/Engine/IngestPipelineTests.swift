import AutopilotCore
import DemoShop
import Engine
import Foundation
import Storage
import Testing

@Suite("Ingest pipeline")
struct IngestPipelineTests {
    func pipeline() async throws -> (IngestPipeline, String) {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 7))
        let tenant = try await TenantService(dependencies: dependencies).create(name: "Shop")
        return (IngestPipeline(dependencies: dependencies), tenant.tenantID)
    }

    @Test func aLeadIsQualifiedOnIngest() async throws {
        let (pipeline, tenantID) = try await pipeline()
        let lead = Fixtures.envelope(
            "lead.created", key: "lead-1", contact: ["email": "fondatrice@boutique.example"],
            properties: [
                "lead_id": "L1", "message": "Je suis la fondatrice d'une boutique Shopify. Budget de 800€/mois, on veut démarrer cette semaine.",
            ])
        let result = try await pipeline.ingest(document: lead, tenantID: tenantID)
        #expect(result.accepted.map(\.index) == [0])
        let queries = TenantQueries(dependencies: pipeline.dependencies, tenantID: tenantID)
        let qualified = try await queries.events(EventQuery(type: .leadQualified)).events
        #expect(qualified.count == 1)
        #expect(qualified.first?.properties["tier"] == "hot")
        #expect(qualified.first?.properties["lead_id"] == "L1")
        #expect(qualified.first?.occurredAt == "2026-03-01T10:00:00Z")
        #expect(try await queries.summary().leadsByTier == ["hot": 1])

        let again = try await pipeline.ingest(document: lead, tenantID: tenantID)
        #expect(again.accepted.isEmpty && again.duplicates.map(\.index) == [0])
        #expect(try await queries.events(EventQuery(type: .leadQualified)).events.count == 1)
    }

    @Test func anOutsideQualificationUpdatesTheLatestLead() async throws {
        let (pipeline, tenantID) = try await pipeline()
        _ = try await pipeline.ingest(
            document: [
                "events": [
                    Fixtures.envelope("lead.created", key: "l", properties: ["message": "Just browsing"]),
                    Fixtures.envelope("lead.qualified", at: "2026-03-02T10:00:00Z", key: "q", properties: ["score": 80, "tier": "hot"]),
                ]
            ], tenantID: tenantID)
        let summary = try await TenantQueries(dependencies: pipeline.dependencies, tenantID: tenantID).summary()
        #expect(summary.leadsByTier == ["hot": 1])
    }

    @Test func anNDJSONImportReportsBadLinesAndKeepsTheRest() async throws {
        let (pipeline, tenantID) = try await pipeline()
        let lines = [
            Fixtures.orderPlaced.jsonString,
            "{not json",
            "",
            Fixtures.envelope("review.submitted", key: "r1", properties: ["rating": 9]).jsonString,
            Fixtures.envelope("wishlist.added", key: "w1", properties: ["sku": "TEA-01"]).jsonString,
        ]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString).ndjson")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let importer = NDJSONImport(pipeline: pipeline)
        let report = try await importer.run(file: file, tenantID: tenantID)
        #expect(report.lines == 5 && report.accepted == 2 && report.duplicates == 0)
        #expect(report.rejected.map(\.line) == [2, 4])
        #expect(report.rejected.last?.field == "properties.rating")
        #expect(report.rejected.first?.reason.contains("malformed JSON") == true)
        let again = try await importer.run(file: file, tenantID: tenantID)
        #expect(again.accepted == 0 && again.duplicates == 2)
    }

    @Test func theDemoShopGoesThroughThePipeline() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        let dependencies = Dependencies(store: store, clock: ManualClock(Fixtures.now), ids: SeededIDGenerator(seed: 1))
        let report = try await DemoRunner(
            dependencies: dependencies, configuration: DemoShopConfiguration(contacts: 60, now: Fixtures.now), flowDays: 0
        ).run()
        #expect(report.duplicates == 0)
        #expect(report.summary.contacts == 66)
        #expect(report.summary.leads == 6)
        #expect(report.summary.leadsByTier.values.reduce(0, +) == 6)
        #expect(report.summary.products == 50)
        #expect(report.summary.orders > 60)
        // Besides what was sent in: a lead.qualified per lead, and a cart.recovered per abandoned cart an order bought.
        let recovered = try await store.events(EventQuery(type: .cartRecovered, limit: 1_000), tenantID: report.tenantID).events.count
        #expect(report.summary.events == report.events + report.summary.leads + recovered)
    }
}
