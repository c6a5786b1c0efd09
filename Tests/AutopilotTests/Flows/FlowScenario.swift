import AutopilotCore
import Engine
import Foundation
import Storage

/// A small shop history for flow tests: Amina (FR, SMS and email consent) abandons a cart; Bob (EN, email only) abandons
/// one and buys it three hours later.
enum FlowScenario {
    static let start = Fixtures.date("2026-03-03T09:00:00Z")

    static let events: [JSONValue] = [
        Fixtures.envelope(
            "contact.created", at: "2026-03-03T09:00:00Z", key: "c1", contact: ["email": "amina@example.fr", "phone": "+33612345678"],
            properties: ["first_name": "Amina", "locale": "fr", "timezone": "Europe/Paris", "consents": ["email": true, "sms": true]]),
        Fixtures.envelope(
            "contact.created", at: "2026-03-03T09:00:00Z", key: "c2", contact: ["email": "bob@example.com"],
            properties: ["first_name": "Bob", "locale": "en", "timezone": "Europe/London", "consents": ["email": true]]),
        Fixtures.envelope(
            "product.updated", at: "2026-03-03T09:00:00Z", key: "p1", contact: nil,
            properties: ["sku": "TEA-01", "title": "Thé vert Sencha", "price": 24.0, "currency": "EUR"]),
        Fixtures.envelope(
            "cart.updated", at: "2026-03-03T10:00:00Z", key: "k1", contact: ["email": "amina@example.fr"],
            properties: [
                "cart_id": "K-881", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "value": 48.0, "currency": "EUR",
                "checkout_url": "https://shop.example/checkout/K-881",
            ]),
        Fixtures.envelope(
            "cart.updated", at: "2026-03-03T11:00:00Z", key: "k2", contact: ["email": "bob@example.com"],
            properties: ["cart_id": "K-900", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "value": 24.0, "currency": "EUR"]),
        Fixtures.envelope(
            "order.placed", at: "2026-03-03T14:00:00Z", key: "o1", contact: ["email": "bob@example.com"],
            properties: [
                "order_id": "O-1", "cart_id": "K-900", "lines": [["sku": "TEA-01", "quantity": 1, "price": 24.0]], "total": 24.0, "currency": "EUR",
            ]),
    ]

    /// Runs the scenario for `days` on a virtual clock and returns the messages.
    static func simulate(store: SQLStore, days: Double = 7) async throws -> (tenantID: String, messages: [MessageListing]) {
        let clock = ManualClock(start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 7))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
        _ = try await simulator.run(events: events, tenantID: tenantID, until: start.addingTimeInterval(days * 86_400))
        return (tenantID, try await FlowQueries(store: store).messages(tenantID: tenantID))
    }
}
