import AutopilotCore
import Engine
import Foundation
import Logging
import Storage
import Tools

/// Two shops on one store, each with contacts, products, an order and a lead: what the tool tests call tools on.
/// Tenant A is "Atelier Lumen" (addresses @lumen.example), tenant B "Brûlerie Nord" (@nord.example).
struct ToolShop: Sendable {
    static let now = Timestamp.parse("2026-03-10T12:00:00Z")!

    let store: SQLStore
    let dependencies: Dependencies
    let tenantA: CreatedTenant
    let tenantB: CreatedTenant
    let readOnlyKeyA: String

    /// Seeds both shops on a migrated store.
    static func seed(_ store: SQLStore, clock: any Clock = ManualClock(now)) async throws -> ToolShop {
        var logger = Logger(label: "tools-test")
        logger.logLevel = .critical
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 7), logger: logger)
        let tenants = TenantService(dependencies: dependencies)
        let a = try await tenants.create(name: "Atelier Lumen")
        let b = try await tenants.create(name: "Brûlerie Nord")
        let readOnly = try await tenants.createAPIKey(tenantID: a.tenantID, readOnly: true)
        let pipeline = IngestPipeline(dependencies: dependencies)
        _ = try await pipeline.ingest(document: ["events": .array(eventsA)], tenantID: a.tenantID)
        _ = try await pipeline.ingest(document: ["events": .array(eventsB)], tenantID: b.tenantID)
        let knowledge = KnowledgeBaseService(dependencies: dependencies)
        _ = try await knowledge.upload(
            KnowledgeUpload(
                title: "Livraison et retours", body: "Nous livrons en France en 48 heures. Les retours sont gratuits pendant 30 jours.",
                language: "fr", kind: .faq), tenantID: a.tenantID)
        _ = try await knowledge.upload(
            KnowledgeUpload(title: "Torréfaction", body: "Notre café est torréfié chaque mardi, livraison sous 72 heures.", language: "fr", kind: .faq),
            tenantID: b.tenantID)
        return ToolShop(store: store, dependencies: dependencies, tenantA: a, tenantB: b, readOnlyKeyA: readOnly)
    }

    /// A fresh in-memory SQLite store with both shops.
    static func inMemory() async throws -> ToolShop {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: now)
        return try await seed(store)
    }

    func context(_ tenantID: String, readOnly: Bool = false) -> ToolContext {
        ToolContext(tenantID: tenantID, dependencies: dependencies, caller: ToolCaller(kind: .apiKey, name: "ap_test", readOnly: readOnly))
    }

    /// Calls a tool as tenant A (or `tenantID`).
    func call(_ name: String, _ arguments: JSONValue = [:], tenantID: String? = nil, readOnly: Bool = false) async -> ToolResult {
        await ToolRegistry().call(name, arguments: arguments, context: context(tenantID ?? tenantA.tenantID, readOnly: readOnly))
    }

    static func event(_ type: String, at: String, key: String, contact: JSONValue? = nil, _ properties: JSONValue) -> JSONValue {
        var object: JSONObject = ["type": .string(type), "occurred_at": .string(at), "idempotency_key": .string(key), "properties": properties]
        if let contact { object["contact"] = contact }
        return .object(object)
    }

    static let eventsA: [JSONValue] = [
        event(
            "contact.created", at: "2026-02-01T10:00:00Z", key: "a-c1", contact: ["email": "amina@lumen.example", "phone": "+33612345678"],
            ["first_name": "Amina", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true, "sms": true]]),
        event("contact.created", at: "2026-02-01T10:00:00Z", key: "a-c2", contact: ["email": "bruno@lumen.example"], ["first_name": "Bruno"]),
        event(
            "contact.created", at: "2026-03-10T08:00:00Z", key: "a-c3", contact: ["email": "julien@b2b-lumen.example", "phone": "+33611111111"],
            ["first_name": "Julien", "consents": ["email": true, "sms": true]]),
        event(
            "product.updated", at: "2026-02-01T10:00:00Z", key: "a-p1",
            [
                "sku": "LUM-LAMP-01", "title": "Lampe Atelier laiton", "price": 89.0, "currency": "EUR", "in_stock": true,
                "url": "https://lumen.example/p/1",
            ]),
        event(
            "product.updated", at: "2026-02-01T10:00:00Z", key: "a-p2",
            ["sku": "LUM-LAMP-02", "title": "Lampe Atelier noire", "price": 79.0, "currency": "EUR", "in_stock": false]),
        event("product.updated", at: "2026-02-01T10:00:00Z", key: "a-p3", ["sku": "LUM-BULB", "title": "Ampoule filament 100% verre", "price": 9.5]),
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
                "source": "website",
            ]),
    ]

    static let eventsB: [JSONValue] = [
        event(
            "contact.created", at: "2026-02-01T10:00:00Z", key: "b-c1", contact: ["email": "zoe@nord.example", "phone": "+33698765432"],
            ["first_name": "Zoé", "consents": ["email": true, "sms": true]]),
        event(
            "product.updated", at: "2026-02-01T10:00:00Z", key: "b-p1",
            ["sku": "NORD-CAFE", "title": "Café Nord Lampe", "price": 12.0, "currency": "EUR", "in_stock": true]),
        event(
            "order.placed", at: "2026-03-05T10:00:00Z", key: "b-o1", contact: ["email": "zoe@nord.example"],
            ["order_id": "B-2001", "lines": [["sku": "NORD-CAFE", "quantity": 2, "price": 12.0]], "total": 24.0, "currency": "EUR"]),
        event(
            "lead.created", at: "2026-03-10T09:00:00Z", key: "b-l1", contact: ["email": "zoe@nord.example"],
            ["lead_id": "L-9", "company": "Nord SARL", "message": "Je suis la gérante, budget 3 000 € par mois, démarrage urgent cette semaine."]),
    ]
}
