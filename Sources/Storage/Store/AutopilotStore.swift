import AutopilotCore
import Foundation

/// A tenant: one shop or company, isolated from every other.
public struct TenantRecord: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date

    public init(id: String, name: String, createdAt: Date) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
    }
}

/// Where a store's schema stands.
public struct SchemaStatus: Sendable, Equatable {
    public var currentVersion: Int
    public var latestVersion: Int
    /// Versions not applied yet, including lower ones merged after higher ones.
    public var pending: [Int] = []
    public var isCurrent: Bool { currentVersion == latestVersion && pending.isEmpty }

    public init(currentVersion: Int, latestVersion: Int, pending: [Int] = []) {
        self.currentVersion = currentVersion
        self.latestVersion = latestVersion
        self.pending = pending
    }
}

/// Everything Autopilot keeps, by business operation. Every operation is one transaction and is scoped by tenant.
public protocol AutopilotStore: FlowStore, OutboxStore, TemplateStore, ChannelSettingsStore, LLMCallStore, IntegrationHealthStore, CRMStore, SupplierOrderStore {
    /// Applies the migrations not yet applied; returns their versions.
    @discardableResult
    func migrate(now: Date) async throws -> [Int]
    func schemaStatus() async throws -> SchemaStatus

    func createTenant(_ tenant: TenantRecord, apiKeyHash: String, keyPrefix: String) async throws
    /// The tenant an API key (by its hash) belongs to, when the key exists and is not revoked.
    func tenantID(apiKeyHash: String) async throws -> String?
    func tenants() async throws -> [TenantRecord]

    /// Records a batch of validated events and projects them onto contacts, carts, orders, products and messages,
    /// all in one transaction. Events whose idempotency key is already known are reported as duplicates.
    func recordEvents(_ events: [IncomingEvent], tenantID: String, receivedAt: Date, ids: any IDGenerator) async throws -> IngestResult

    func contactDetail(id: String, tenantID: String) async throws -> ContactDetail?
    func contactID(email: String, tenantID: String) async throws -> String?
    func order(externalOrID id: String, tenantID: String) async throws -> OrderView?
    func events(_ query: EventQuery, tenantID: String) async throws -> EventPage
    func summary(tenantID: String) async throws -> TenantSummary

    /// Contacts, orders, messages, replies, recent tickets and leads: what scoring and the decision rules read.
    func scoringData(tenantID: String, ticketsSince: Date) async throws -> ScoringData
    func recordScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws
    func scoringData(tenantID: String, ticketsSince: Date, contactIDs: Set<String>?) async throws -> ScoringData
    func recordChurnScores(_ scores: [ContactScore], tenantID: String, scoredAt: Date) async throws
    func contactsTouched(tenantID: String, types: [String], after: Int64, limit: Int) async throws -> (contactIDs: Set<String>, position: Int64)
    func recommendationDecisions(tenantID: String) async throws -> [StoredRecommendationDecision]
    func saveRecommendationDecision(_ decision: StoredRecommendationDecision, tenantID: String) async throws

    /// Creates or replaces the tenant's endpoint for a webhook provider (its URL token and signing secret).
    func saveWebhookEndpoint(_ endpoint: WebhookEndpoint) async throws
    /// The endpoint a URL token opens for a provider.
    func webhookEndpoint(provider: String, token: String) async throws -> WebhookEndpoint?
    /// Whether a vendor delivery id was already processed for the tenant.
    func hasWebhookDelivery(_ deliveryID: String, tenantID: String) async throws -> Bool
    func recordWebhookDelivery(_ deliveryID: String, tenantID: String, events: Int, at: Date) async throws
}

/// Where a vendor posts its webhooks for a tenant, and the secret that signs them.
public struct WebhookEndpoint: Sendable, Equatable {
    public var tenantID: String
    public var provider: String
    public var token: String
    public var secret: String
    public var createdAt: Date

    public init(tenantID: String, provider: String, token: String, secret: String, createdAt: Date) {
        self.tenantID = tenantID
        self.provider = provider
        self.token = token
        self.secret = secret
        self.createdAt = createdAt
    }
}
