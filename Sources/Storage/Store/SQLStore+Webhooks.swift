import AutopilotCore
import Foundation

extension SQLStore {
    public func saveWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws {
        let secret = try sealed(endpoint.secret, name: Self.webhookSecretName(endpoint.provider), tenantID: endpoint.tenantID)
        try await database.transaction(lock: nil, reads: []) { _ in
            let write = SQLWrite.upsert(
                table: "webhook_endpoints", columns: ["tenant_id", "provider", "token", "secret", "created_at"], key: ["tenant_id", "provider"],
                rows: [
                    [.text(endpoint.tenantID), .text(endpoint.provider), .text(endpoint.token), .text(secret), .date(endpoint.createdAt)]
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
        return try rows[0].first.map {
            let (tenantID, provider) = ($0.text(0) ?? "", $0.text(1) ?? "")
            return WebhookEndpoint(
                tenantID: tenantID, provider: provider, token: $0.text(2) ?? "",
                secret: try opened($0.text(3) ?? "", name: Self.webhookSecretName(provider), tenantID: tenantID), createdAt: $0.date(4) ?? .distantPast)
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
