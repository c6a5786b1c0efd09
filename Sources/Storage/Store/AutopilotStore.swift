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

/// Everything Autopilot keeps, by business operation: the composition of the capability stores, which one SQL store
/// implements. Every operation is one transaction and is scoped by tenant. A service takes the narrowest capability it needs.
public protocol AutopilotStore:
    SchemaStore, TenantStore, EventLogStore, ContactStore, CartStore, ScoreStore, WebhookEndpointStore, FlowStore, TemplateStore,
    ChannelSettingsStore, LLMCallStore, IntegrationHealthStore, CRMStore, SupplierOrderStore,
    AccountStore,
    TenantSettingsStore,
    TodayReadStore,
    AccessStore,
    OutboxReadStore,
    LeadPagesStore,
    CustomerPagesStore,
    KnowledgeStore,
    TaskStore,
    FollowUpReadStore,
    WeeklyReportCacheStore,
    ToolLookupStore,
    ConversationStore,
    AssistantStore,
    CouponStore,
    EmailThreadStore,
    MailboxStore,
    SegmentStore,
    BroadcastStore,
    EngagementStore,
    PrivacyStore
{}

/// The schema's migrations.
public protocol SchemaStore: Sendable {
    /// Applies the migrations not yet applied; returns their versions.
    @discardableResult
    func migrate(now: Date) async throws -> [Int]
    func schemaStatus() async throws -> SchemaStatus
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
