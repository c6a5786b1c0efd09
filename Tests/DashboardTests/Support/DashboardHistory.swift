import AutopilotCore
import Foundation

/// A small shop history for tenant A: a hot lead, a customer whose name is markup, orders, an abandoned cart.
enum DashboardHistory {
    static let scriptName = "<script>alert(1)</script>"

    static func envelope(_ type: String, at: String, key: String, contact: JSONValue, properties: JSONValue = [:]) -> JSONValue {
        ["type": .string(type), "occurred_at": .string(at), "idempotency_key": .string(key), "contact": contact, "properties": properties]
    }

    static let events: [JSONValue] = [
        envelope(
            "lead.created", at: "2026-03-10T09:00:00Z", key: "lead-1",
            contact: ["email": "fondatrice@boutique.example", "first_name": "Camille", "last_name": "Durand"],
            properties: [
                "lead_id": "L1", "company": "Thés Durand",
                "message": "Fondatrice d'une boutique Shopify, budget 900€/mois, on démarre cette semaine. Appelez-moi !",
            ]),
        envelope(
            "contact.created", at: "2025-08-01T10:00:00Z", key: "contact-script", contact: ["email": "script@a.example"],
            properties: ["first_name": .string(scriptName), "last_name": "<b>bold</b>", "locale": "fr", "consents": ["email": true]]),
        envelope(
            "order.placed", at: "2025-09-01T10:00:00Z", key: "order-1", contact: ["email": "script@a.example"],
            properties: ["order_id": "1001", "lines": [["sku": "TEA-01", "quantity": 2, "price": 24.0]], "total": 48.0, "currency": "EUR"]),
        envelope(
            "order.placed", at: "2025-10-01T10:00:00Z", key: "order-2", contact: ["email": "script@a.example"],
            properties: ["order_id": "1002", "lines": [["sku": "TEA-02", "quantity": 1, "price": 30.0]], "total": 30.0, "currency": "EUR"]),
    ]
}
