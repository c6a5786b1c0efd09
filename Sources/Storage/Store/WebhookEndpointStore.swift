import AutopilotCore
import Foundation

/// Where vendors post their webhooks, and the deliveries already processed.
public protocol WebhookEndpointStore: Sendable {
    /// Creates or replaces the tenant's endpoint for a webhook provider (its URL token and signing secret).
    func saveWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws
    /// The endpoint a URL token opens for a provider.
    func webhookEndpoint(provider: String, token: String) async throws -> WebhookEndpoint?
    /// Whether a vendor delivery id was already processed for the tenant.
    func hasWebhookDelivery(_ deliveryID: String, tenantID: String) async throws -> Bool
    func recordWebhookDelivery(_ deliveryID: String, tenantID: String, events: Int, at: Date) async throws
}
