import AutopilotCore
import Engine
import Foundation
import Integrations
import Storage

/// A tenant on a real store, a manual clock, and CRM syncs pointed at fake CRMs: the rate gate's waits move the clock.
struct CRMHarness: Sendable {
    let store: SQLStore
    let clock: ManualClock
    let dependencies: Dependencies
    let tenantID: String

    static let start = Fixtures.date("2026-03-10T12:00:00Z")

    /// On a fresh SQLite file in a temporary directory.
    static func withSQLiteFile<Result: Sendable>(_ body: @Sendable (CRMHarness) async throws -> Result) async throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("crm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SQLStore(database: try SQLiteDatabase(path: directory.appendingPathComponent("autopilot.sqlite").path))
        try await store.migrate(now: start)
        return try await body(try await make(store: store))
    }

    static func make(store: SQLStore) async throws -> CRMHarness {
        let clock = ManualClock(start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 11))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "Atelier").tenantID
        return CRMHarness(store: store, clock: clock, dependencies: dependencies, tenantID: tenantID)
    }

    func sync(hubspot: String? = nil, pipedrive: String? = nil, adjust: (inout CRMSettings) -> Void = { _ in }) -> CRMSync {
        var settings = CRMSettings(
            hubspot: hubspot.map { HubSpotSettings(accessToken: "pat-test", baseURL: $0) },
            pipedrive: pipedrive.map {
                PipedriveSettings(
                    apiToken: "pd-test", baseURL: $0, personScoreField: "score_key", personTierField: "tier_key", dealScoreField: "deal_score_key",
                    dealTierField: "deal_tier_key")
            })
        // Generous: on a loaded machine a loopback answer can take seconds, and a timeout here would read as a CRM failure.
        settings.requestTimeout = .seconds(30)
        adjust(&settings)
        let clock = self.clock
        return CRMSync(dependencies: dependencies, settings: settings, sleep: { clock.advance(by: $0) }, jitter: { 0 })
    }

    func ingest(_ envelopes: [JSONValue]) async throws {
        for start in stride(from: 0, to: envelopes.count, by: 1_000) {
            let slice = Array(envelopes[start..<min(start + 1_000, envelopes.count)])
            _ = try await IngestPipeline(dependencies: dependencies).ingest(document: ["events": .array(slice)], tenantID: tenantID)
        }
    }

    @discardableResult
    func pass(_ sync: CRMSync) async throws -> CRMPassReport {
        try await sync.runDue(now: clock.now())
    }

    func counts(_ crm: CRMProvider = .hubspot) async throws -> [String: Int] {
        try await store.crmStatusCounts(crm: crm.rawValue)
    }

    static func lead(_ id: String, email: String, company: String = "Atelier B2B") -> [JSONValue] {
        [
            Fixtures.envelope(
                "contact.created", at: "2026-03-01T09:00:00Z", key: "contact-\(id)", contact: ["email": .string(email)],
                properties: ["first_name": "Julien", "last_name": "Marchand"]),
            Fixtures.envelope(
                "lead.created", key: "lead-\(id)", contact: ["email": .string(email)],
                properties: [
                    "lead_id": .string(id), "company": .string(company),
                    "message": "Gérant d'une PME, budget 1 500 €/mois, on veut démarrer ce mois-ci.", "source": "website",
                ]),
        ]
    }

    static func order(_ id: String, email: String, total: Double = 48) -> JSONValue {
        Fixtures.envelope(
            "order.placed", key: "order-\(id)", contact: ["email": .string(email)],
            properties: [
                "order_id": .string(id), "lines": [["sku": "TEA-01", "quantity": 2, "price": .double(total / 2)]], "total": .double(total),
                "currency": "EUR",
            ])
    }
}
