import Foundation

/// What the passes of one round share: the moment, the tenants' flow catalogs (loaded once per sweep), the tenant a
/// per-tenant pass works for, and the counts of the sweep so far.
public struct WorkerRound: Sendable {
    public let now: Date
    /// True in the first round of a sweep, when the `firstRoundOnly` passes run.
    public let isFirst: Bool
    /// Every tenant's catalog, in the tenants' order.
    public let catalogs: [FlowCatalog]
    /// The tenant a `.eachTenant` pass works for; nil for the other passes.
    public internal(set) var tenant: FlowCatalog?
    /// What the sweep did so far.
    public var report: FlowPassReport
    /// The events routed per tenant in this round: rescoring reads them.
    public var eventsRouted: [String: Int] = [:]

    public init(now: Date, isFirst: Bool = true, catalogs: [FlowCatalog] = [], report: FlowPassReport = FlowPassReport()) {
        self.now = now
        self.isFirst = isFirst
        self.catalogs = catalogs
        self.report = report
    }

    /// The catalogs by tenant id.
    public var catalogsByTenant: [String: FlowCatalog] {
        Dictionary(catalogs.map { ($0.tenantID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
