import AutopilotCore
import Foundation
import Integrations
import Logging
import Storage

/// Keeps the configured CRMs in step with Autopilot's leads and orders, through a durable outbox: each pass reads the new
/// `lead.qualified` and `order.placed` events into `crm_outbox` (in the transaction that moves the CRM's cursor), then sends
/// what is due — contacts before deals, batches of up to 100, paced by a token bucket. A refused record is retried with
/// backoff and kept as failed after its last attempt; while a CRM is down or rate limiting, the CRM pauses and every record
/// waits, queued, until it is back.
public struct CRMSync: Sendable {
    public let store: any TenantStore & CRMStore & IntegrationHealthStore
    public let settings: CRMSettings
    let connectors: [any CRMConnector]
    let settingsStore: any TenantSettingsStore
    let cipher: SettingsCipher?
    let tenantConnectors: CRMTenantConnectors
    let clock: any Clock
    let logger: Logger
    /// A number in 0...1 for the retry jitter.
    let jitter: @Sendable () -> Double

    /// - Parameters:
    ///   - transport: how requests travel (AsyncHTTPClient with `settings.requestTimeout` by default).
    ///   - sleep: how the rate gate waits for a token (a real sleep live; tests move a manual clock).
    ///   - jitter: a number in 0...1 for each retry's jitter (random live).
    ///   - cipher: opens the tenants' own CRM tokens (`hubspot.access_token`, `pipedrive.api_token`); nil: every tenant
    ///     uses the process's token.
    public init(
        dependencies: Dependencies, settings: CRMSettings, transport: (any CRMTransport)? = nil,
        sleep: @escaping @Sendable (TimeInterval) async throws -> Void = {
            try await Task.sleep(for: .milliseconds(Int64(($0 * 1000).rounded(.up))))
        },
        jitter: @escaping @Sendable () -> Double = { Double.random(in: 0...1) }, cipher: SettingsCipher? = nil
    ) {
        store = dependencies.store
        settingsStore = dependencies.store
        self.cipher = cipher
        self.settings = settings
        clock = dependencies.clock
        logger = dependencies.logger
        self.jitter = jitter
        let transport = transport ?? HTTPClientCRMTransport(timeout: settings.requestTimeout)
        let clock = dependencies.clock
        let caller: @Sendable () -> CRMCaller = {
            let bucket = TokenBucket(capacity: settings.burst, refill: settings.refill, per: settings.refillInterval)
            return CRMCaller(transport: transport, gate: CRMRateGate(bucket: bucket, clock: clock, sleep: sleep), clock: clock)
        }
        var connectors: [any CRMConnector] = []
        if let hubspot = settings.hubspot { connectors.append(HubSpotConnector(settings: hubspot, caller: caller())) }
        if let pipedrive = settings.pipedrive { connectors.append(PipedriveConnector(settings: pipedrive, caller: caller())) }
        self.connectors = connectors
        tenantConnectors = CRMTenantConnectors { provider, token in
            switch provider {
            case .hubspot:
                guard var hubspot = settings.hubspot else { return nil }
                hubspot.accessToken = token
                return HubSpotConnector(settings: hubspot, caller: caller())
            case .pipedrive:
                guard var pipedrive = settings.pipedrive else { return nil }
                pipedrive.apiToken = token
                return PipedriveConnector(settings: pipedrive, caller: caller())
            }
        }
    }

    /// The sync the environment configures, nil when no CRM is.
    public static func fromEnvironment(_ environment: [String: String], dependencies: Dependencies) throws -> CRMSync? {
        let settings = try CRMSettings.fromEnvironment(environment)
        return settings.isEmpty ? nil : CRMSync(dependencies: dependencies, settings: settings)
    }

    /// Enqueues new events and sends everything due at `now`, for every configured CRM.
    @discardableResult
    public func runDue(now: Date) async throws -> CRMPassReport {
        var report = CRMPassReport()
        let tenants = try await store.tenants().map(\.id).filter { settings.tenants?.contains($0) ?? true }
        let tokens = try await tenantTokens(tenants)
        for connector in connectors {
            let crm = connector.provider
            for tenant in tenants {
                while true {
                    let read = try await store.enqueueCRMRecords(tenantID: tenant, crm: crm.rawValue, limit: settings.eventBatchSize) { batch in
                        CRMPlanner(crm: crm, now: now).records(batch)
                    }
                    report.eventsRead += read
                    if read < settings.eventBatchSize { break }
                }
            }
            try await send(connector, tokens: tokens, now: now, report: &report)
        }
        return report
    }

    /// The tenants' own CRM tokens, by tenant and CRM (none without the settings key).
    func tenantTokens(_ tenants: [String]) async throws -> [String: [CRMProvider: String]] {
        guard let cipher, !connectors.isEmpty else { return [:] }
        var tokens: [String: [CRMProvider: String]] = [:]
        for tenant in tenants {
            let values = try await ShopSettings.load(settingsStore, tenantID: tenant, cipher: cipher).values
            for (provider, name) in CRMTenantConnectors.settingNames {
                if let token = values[name] { tokens[tenant, default: [:]][provider] = token }
            }
        }
        return tokens
    }

    /// Queues the failed records of one CRM (or all) again, with fresh attempts.
    public func retryFailed(crm: CRMProvider?, now: Date) async throws -> Int {
        try await store.retryFailedCRMRecords(crm: crm?.rawValue, now: now)
    }
}

/// What one CRM pass did.
public struct CRMPassReport: Sendable, Equatable {
    public var eventsRead = 0
    public var sent = 0
    public var refused = 0
    public var failed = 0
    public var deferred = 0
    public var requests = 0
    /// Passes a CRM ended early: unreachable, rate limited or unavailable.
    public var outages = 0

    public init() {}
}
