import Foundation
import Storage

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
    /// The next due moments of timers, messages, actions and carts, read as the round began or since (nil: not read).
    public internal(set) var due: DueMoments?
    /// The round's progress when `due` was read: progress made since may have queued work that `due` does not show.
    var progressAtDueRead = 0
    /// Every tenant's activity, read as the round began (nil: not read).
    public let activity: TenantActivity?
    /// The progress the round's passes made so far.
    public internal(set) var progress = 0
    /// The progress the round's passes made so far for `tenant`.
    public internal(set) var tenantProgress = 0

    public init(
        now: Date, isFirst: Bool = true, catalogs: [FlowCatalog] = [], report: FlowPassReport = FlowPassReport(), due: DueMoments? = nil
    ) {
        self.now = now
        self.isFirst = isFirst
        self.catalogs = catalogs
        self.report = report
        self.due = due
        activity = nil
    }

    public init(now: Date, isFirst: Bool = true, catalogs: [FlowCatalog] = [], report: FlowPassReport = FlowPassReport(), activity: TenantActivity) {
        self.now = now
        self.isFirst = isFirst
        self.catalogs = catalogs
        self.report = report
        self.activity = activity
        due = activity.due
    }

    /// Whether `tenant` may have work of the kind `flag` tells, as the round's activity read saw it. Always true when the
    /// activity was not read or does not know the tenant (created since).
    public func tenantMay(_ flag: (TenantActivity.Work) -> Bool) -> Bool {
        guard let tenantID = tenant?.tenantID, let work = activity?.work(of: tenantID) else { return true }
        return flag(work)
    }

    /// Whether the due moments were read before the round's last progress (a pass that reads them gets them read again).
    var dueIsStale: Bool { due != nil && progress != progressAtDueRead }

    /// Takes due moments read now.
    mutating func refreshDue(_ moments: DueMoments) {
        due = moments
        progressAtDueRead = progress
    }

    /// Whether work whose next moment is `moment` of the round's due moments may be due now. Always true when they were
    /// not read, or when a pass of this round did something since they were (it may have queued more).
    public func mayBeDue(_ moment: (DueMoments) -> Date?) -> Bool {
        guard let due, !dueIsStale else { return true }
        guard let next = moment(due) else { return false }
        // The stored moments are milliseconds: a second of margin.
        return next <= now.addingTimeInterval(1)
    }

    /// The catalogs by tenant id.
    public var catalogsByTenant: [String: FlowCatalog] {
        Dictionary(catalogs.map { ($0.tenantID, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
