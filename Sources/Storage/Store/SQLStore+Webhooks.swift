import AutopilotCore
import Foundation

extension SQLStore {
    public func saveWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.upsert(
                table: "webhook_endpoints", columns: ["tenant_id", "provider", "token", "secret", "created_at"], key: ["tenant_id", "provider"],
                rows: [
                    [.text(endpoint.tenantID), .text(endpoint.provider), .text(endpoint.token), .text(endpoint.secret), .date(endpoint.createdAt)]
                ])
            return ([write], ())
        }
    }

    public func webhookEndpoint(provider: String, token: String) async throws -> WebhookEndpoint? {
        let rows = try await database.read([
            SQLStatement(
                "SELECT tenant_id, provider, token, secret, created_at FROM webhook_endpoints WHERE provider = ? AND token = ?",
                [.text(provider), .text(token)])
        ])
        return rows[0].first.map {
            WebhookEndpoint(
                tenantID: $0.text(0) ?? "", provider: $0.text(1) ?? "", token: $0.text(2) ?? "", secret: $0.text(3) ?? "",
                createdAt: $0.date(4) ?? .distantPast)
        }
    }

    public func hasWebhookDelivery(_ deliveryID: String, tenantID: String) async throws -> Bool {
        let rows = try await database.read([
            SQLStatement("SELECT 1 FROM webhook_deliveries WHERE tenant_id = ? AND delivery_id = ?", [.text(tenantID), .text(deliveryID)])
        ])
        return !rows[0].isEmpty
    }

    public func recordWebhookDelivery(_ deliveryID: String, tenantID: String, events: Int, at: Date) async throws {
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.insert(
                table: "webhook_deliveries", columns: ["tenant_id", "delivery_id", "received_at", "events"],
                rows: [[.text(tenantID), .text(deliveryID), .date(at), .integer(events)]], conflict: "ON CONFLICT (tenant_id, delivery_id) DO NOTHING"
            )
            return ([write], ())
        }
    }
}
