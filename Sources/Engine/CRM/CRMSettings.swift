import Foundation
import Integrations

/// Which CRMs Autopilot keeps in step, and the discipline it keeps with them.
public struct CRMSettings: Sendable, Equatable {
    public var hubspot: HubSpotSettings?
    public var pipedrive: PipedriveSettings?
    /// Only these tenants' events are synced; nil for every tenant.
    public var tenants: Set<String>?
    /// Records per request (HubSpot's batch limit) and per claim.
    public var batchSize: Int = 100
    /// Events read per enqueue transaction.
    public var eventBatchSize: Int = 500
    /// The bucket's burst.
    public var burst: Int = 190
    /// Tokens per `refillInterval`.
    public var refill: Int = 100
    public var refillInterval: TimeInterval = 10
    public var retry = CRMRetryPolicy()
    /// How long a claimed row is held before another worker may take it (a worker that died mid-request).
    public var lease: TimeInterval = 120
    /// How long one request may take, connecting included (AsyncHTTPClient keeps retrying a refused connection until then).
    public var requestTimeout: Duration = .seconds(10)

    public init(hubspot: HubSpotSettings? = nil, pipedrive: PipedriveSettings? = nil, tenants: Set<String>? = nil) {
        self.hubspot = hubspot
        self.pipedrive = pipedrive
        self.tenants = tenants
    }

    /// The CRMs configured.
    public var providers: [CRMProvider] {
        CRMProvider.allCases.filter { provider in
            switch provider {
            case .hubspot: hubspot != nil
            case .pipedrive: pipedrive != nil
            }
        }
    }

    public var isEmpty: Bool { providers.isEmpty }
}

extension CRMSettings {
    /// The CRMs Autopilot can sync with, by name (`hubspot`, `pipedrive`).
    public static let crmNames = CRMProvider.allCases.map(\.rawValue)
}
