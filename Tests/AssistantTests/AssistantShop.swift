import Assistant
import AutopilotCore
import Engine
import Foundation
import LLM
import Logging
import Storage

/// Two shops on one store for the assistant's tests: "Atelier Lumen" (A: contacts, an order, a lead) and "Brûlerie
/// Nord" (B), each with a team member MAX talks with.
struct AssistantShop: Sendable {
    static let now = Timestamp.parse("2026-03-10T12:00:00Z")!

    let store: SQLStore
    let dependencies: Dependencies
    let tenantA: String
    let tenantB: String
    let keyA: String
    let keyB: String
    let readOnlyKeyA: String

    /// Seeds both shops on a migrated store; `environment` configures the gateway MAX and the tools use, as
    /// `autopilot serve` reads it (offline when it names no provider), with every call accounted in the store.
    static func seed(_ store: SQLStore, environment: [String: String] = [:]) async throws -> AssistantShop {
        var logger = Logger(label: "assistant-test")
        logger.logLevel = .critical
        let clock = ManualClock(now)
        let ai = try AIServices.fromEnvironment(environment, store: store, clock: clock, logger: logger)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 11), logger: logger, ai: ai)
        let tenants = TenantService(dependencies: dependencies)
        let a = try await tenants.create(name: "Atelier Lumen")
        let b = try await tenants.create(name: "Brûlerie Nord")
        let readOnly = try await tenants.createAPIKey(tenantID: a.tenantID, readOnly: true)
        let pipeline = IngestPipeline(dependencies: dependencies)
        _ = try await pipeline.ingest(document: ["events": .array(eventsA)], tenantID: a.tenantID)
        _ = try await pipeline.ingest(document: ["events": .array(eventsB)], tenantID: b.tenantID)
        return AssistantShop(
            store: store, dependencies: dependencies, tenantA: a.tenantID, tenantB: b.tenantID, keyA: a.apiKey, keyB: b.apiKey,
            readOnlyKeyA: readOnly)
    }

    static func inMemory(environment: [String: String] = [:]) async throws -> AssistantShop {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: now)
        return try await seed(store, environment: environment)
    }

    /// MAX on this shop (offline unless the dependencies' gateway has providers).
    var assistant: AssistantService { AssistantService(dependencies: dependencies) }

    func user(_ tenantID: String? = nil, id: String = "us_ana", readOnly: Bool = false) -> AssistantCaller {
        .user(tenantID: tenantID ?? tenantA, userID: id, email: "\(id)@team.example", readOnly: readOnly)
    }

    static func event(_ type: String, at: String, key: String, contact: JSONValue? = nil, _ properties: JSONValue) -> JSONValue {
        var object: JSONObject = ["type": .string(type), "occurred_at": .string(at), "idempotency_key": .string(key), "properties": properties]
        if let contact { object["contact"] = contact }
        return .object(object)
    }

    static let eventsA: [JSONValue] = [
        event(
            "contact.created", at: "2026-02-01T10:00:00Z", key: "a-c1", contact: ["email": "amina@lumen.example", "phone": "+33612345678"],
            ["first_name": "Amina", "last_name": "Benali", "locale": "fr", "consents": ["email": true, "sms": true]]),
        event(
            "order.placed", at: "2026-03-05T10:00:00Z", key: "a-o1", contact: ["email": "amina@lumen.example"],
            ["order_id": "A-1001", "lines": [["sku": "LUM-LAMP-01", "quantity": 1, "price": 89.0]], "total": 89.0, "currency": "EUR"]),
        event(
            "order.fulfilled", at: "2026-03-06T10:00:00Z", key: "a-o1-f", contact: ["email": "amina@lumen.example"],
            ["order_id": "A-1001", "tracking_number": "6A123", "carrier": "Colissimo", "tracking_url": "https://track.example/6A123"]),
        event(
            "lead.created", at: "2026-03-10T09:00:00Z", key: "a-l1", contact: ["email": "julien@b2b-lumen.example"],
            [
                "lead_id": "L-1", "company": "Atelier B2B",
                "message": "Je suis le directeur et je décide. Budget de 5 000 € par mois, nous voulons démarrer cette semaine, c'est urgent.",
            ]),
    ]

    static let eventsB: [JSONValue] = [
        event(
            "contact.created", at: "2026-02-01T10:00:00Z", key: "b-c1", contact: ["email": "zoe@nord.example"],
            ["first_name": "Zoé", "consents": ["email": true]]),
        event(
            "order.placed", at: "2026-03-05T10:00:00Z", key: "b-o1", contact: ["email": "zoe@nord.example"],
            ["order_id": "B-2001", "lines": [["sku": "NORD-CAFE", "quantity": 2, "price": 12.0]], "total": 24.0, "currency": "EUR"]),
    ]
}
