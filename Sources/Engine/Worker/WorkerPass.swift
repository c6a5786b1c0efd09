import Foundation

/// One kind of work the worker carries out when it falls due: abandoning idle carts, routing events, firing timers,
/// sending messages… A pass reads and writes in its own transactions, so a worker may die in the middle of any pass and
/// another (or the same, restarted) finishes the work without losing or repeating a step.
public protocol WorkerPass: Sendable {
    /// A short name, for logs.
    var name: String { get }
    /// How often `WorkerService` runs the pass on the real clock.
    var interval: Duration { get }
    /// Whether the pass works for one tenant at a time (`WorkerRound.tenant`) or for all tenants at once.
    var scope: WorkerPassScope { get }
    /// Whether the pass runs only in the first round of a sweep (work for which one look per sweep is enough).
    var firstRoundOnly: Bool { get }
    /// Whether the pass skips its claims on the round's due moments (`WorkerRound.mayBeDue`): when an earlier pass made
    /// progress since they were read, the worker reads them again first — one read instead of a claim for nothing.
    var readsDueMoments: Bool { get }
    /// Does what is due at `round.now` and adds its counts to `round.report`; returns the progress made (0: nothing was
    /// left to do).
    func run(_ round: inout WorkerRound) async throws -> Int
}

/// Whom a pass works for in one round.
public enum WorkerPassScope: Sendable, Equatable {
    /// Once per tenant, in the tenants' order; `WorkerRound.tenant` is that tenant's catalog.
    case eachTenant
    /// Once, for all tenants.
    case allTenants
}

extension WorkerPass {
    public var interval: Duration { .seconds(1) }
    public var scope: WorkerPassScope { .allTenants }
    public var firstRoundOnly: Bool { false }
    public var readsDueMoments: Bool { false }
}
