import AutopilotCore
import Flows
import Foundation
import Logging
import Storage

/// The imperative shell around the flow interpreter: the worker's passes, in the order a sweep runs them. Per tenant:
/// idle carts abandoned, new events routed, scores kept (rescoring; nightly scoring and delegation in the first round),
/// date triggers; then for all tenants: dropshipping (first round), timers, actions, delivery. Every pass reads and writes
/// in its own transactions, so a worker may die anywhere and another (or the same, restarted) finishes the work without
/// losing or repeating a step. `WorkerService` runs it on the real clock; the simulator, the demo and the tests call
/// `runDue(now:)`.
public struct Worker: Sendable {
    public let dependencies: Dependencies
    public let settings: FlowEngineSettings
    /// The passes of one round, in order.
    public let passes: [any WorkerPass]
    /// Passes run beside the sweeps, each on its own schedule: the tenants' mailboxes, the CRM sync when a CRM is configured.
    public let independentPasses: [any WorkerPass]
    /// The pause between two sweeps on the real clock.
    public let interval: Duration
    let timers: TimerPass
    public let dispatcher: MessageDispatcher
    /// The tenants' catalogs between rounds, loaded again when their state version moves.
    let catalogMemo = TenantStateMemo<FlowCatalog>()
    let activityReader = TenantActivityReader()

    /// The one way to build a worker: `serve`, `worker`, `simulate`, the demo and the tests all come here.
    public init(dependencies: Dependencies, configuration: WorkerConfiguration = WorkerConfiguration()) throws {
        let settings = configuration.settings
        let store = dependencies.store
        self.dependencies = dependencies
        self.settings = settings
        interval = configuration.interval
        dispatcher = try Self.makeDispatcher(dependencies: dependencies, settings: settings, senders: configuration.senders)
        timers = TimerPass(store: store, batchSize: settings.batchSize)
        let scores = ScoreMemory()
        passes = [
            CartAbandonmentPass(
                store: store, pipeline: IngestPipeline(dependencies: dependencies), delay: settings.cartAbandonmentDelay,
                batchSize: settings.batchSize),
            RoutingPass(store: store, batchSize: settings.batchSize),
            RescoringPass(dependencies: dependencies, enabled: settings.rescoreOnEvents, memory: scores),
            NightlyScoringPass(dependencies: dependencies, hour: settings.nightlyScoringHour, memory: scores),
            SegmentPass(dependencies: dependencies, sweepInterval: settings.segmentSweepInterval),
            DelegationPass(dependencies: dependencies, recomputeInterval: settings.delegationInterval),
            SplitDecisionPass(dependencies: dependencies, interval: 15 * 60),
            DateTriggerPass(store: store),
            BroadcastPass(dependencies: dependencies),
            DropshippingPass(dropship: DropshipPass(
                    dependencies: dependencies, settings: settings.dropshipping, slack: settings.slack, cipher: settings.settingsCipher)),
            timers,
            ActionPass(dependencies: dependencies, settings: settings),
            DeliveryPass(dispatcher: dispatcher),
        ]
        var independent: [any WorkerPass] = [MailboxPass(poller: MailboxPoller(dependencies: dependencies, cipher: settings.settingsCipher))]
        if !configuration.crm.isEmpty {
            independent.append(CRMSyncPass(sync: CRMSync(dependencies: dependencies, settings: configuration.crm, cipher: settings.settingsCipher)))
        }
        independent.append(RetentionPass(dependencies: dependencies))
        independentPasses = independent
    }

    /// Everything due at `now`, until nothing is left: the report counts what was done.
    @discardableResult
    public func runDue(now: Date) async throws -> FlowPassReport {
        try await runDue(now: now, passes: passes)
    }

    /// The given passes (in their order), round after round until a round makes no progress (at most 1,000 rounds).
    public func runDue(now: Date, passes: [any WorkerPass]) async throws -> FlowPassReport {
        let activity = try await activityReader.read(dependencies.store)
        return try await runDue(now: now, passes: passes, catalogs: try await catalogs(for: activity), activity: activity)
    }

    /// Every tenant's flow catalog, in the tenants' order: loaded when the tenant's state changed since the last look,
    /// else as kept.
    public func catalogs() async throws -> [FlowCatalog] {
        try await catalogs(for: try await activityReader.read(dependencies.store))
    }

    func catalogs(for activity: TenantActivity) async throws -> [FlowCatalog] {
        let store = dependencies.store
        return try await catalogMemo.values(for: activity) { try await FlowCatalog.load(tenantID: $0, store: store) }.map(\.value)
    }

    /// The given passes with catalogs already loaded: the simulator loads them once per run, as nothing changes the flows
    /// under it.
    public func runDue(now: Date, passes: [any WorkerPass], catalogs: [FlowCatalog]) async throws -> FlowPassReport {
        try await runDue(now: now, passes: passes, catalogs: catalogs, activity: try await activityReader.read(dependencies.store))
    }

    /// Each round starts from one read of every tenant's activity (`TenantActivity`): the per-tenant passes skip the
    /// tenants with nothing of theirs, the passes of timers, messages, actions and carts skip their claims while nothing is
    /// due.
    func runDue(now: Date, passes: [any WorkerPass], catalogs: [FlowCatalog], activity first: TenantActivity) async throws -> FlowPassReport {
        var report = FlowPassReport()
        // `hasWorkLeft` knows the worker's own passes only.
        let known = Set(self.passes.map(\.name))
        let ownPasses = passes.allSatisfy { known.contains($0.name) }
        var activity = first
        for number in 0..<1_000 {
            var round = WorkerRound(now: now, isFirst: number == 0, catalogs: catalogs, report: report, activity: activity)
            let progress = try await run(passes, in: &round)
            report = round.report
            // The round after a busy one usually finds nothing: it runs only when something is left at `now`.
            if progress == 0 { break }
            activity = try await activityReader.read(dependencies.store)
            if ownPasses, !hasWorkLeft(now: now, activity: activity, catalogs: catalogs) { break }
        }
        return report
    }

    /// Whether a round at `now` after the first one could make progress: events not yet routed, or a timer, action, message
    /// or idle cart due (a second of margin over the stored milliseconds). The passes run in the first round only and the
    /// date sweeps (their cursors moved in the first round) have nothing left.
    func hasWorkLeft(now: Date, activity: TenantActivity, catalogs: [FlowCatalog]) -> Bool {
        if let due = nextDue(activity.due), due <= now.addingTimeInterval(1) { return true }
        return catalogs.contains { activity.work(of: $0.tenantID)?.hasUnroutedEvents ?? true }
    }

    /// One round: consecutive per-tenant passes run tenant by tenant, the others once.
    private func run(_ passes: [any WorkerPass], in round: inout WorkerRound) async throws -> Int {
        var progress = 0
        var index = passes.startIndex
        while index < passes.endIndex {
            var end = index + 1
            guard passes[index].scope == .eachTenant else {
                if round.isFirst || !passes[index].firstRoundOnly {
                    try await refreshDueIfStale(for: passes[index], in: &round)
                    progress += try await passes[index].run(&round)
                    round.progress = progress
                }
                index = end
                continue
            }
            while end < passes.endIndex, passes[end].scope == .eachTenant { end += 1 }
            for catalog in round.catalogs {
                round.tenant = catalog
                round.tenantProgress = 0
                for pass in passes[index..<end] where round.isFirst || !pass.firstRoundOnly {
                    try await refreshDueIfStale(for: pass, in: &round)
                    let made = try await pass.run(&round)
                    progress += made
                    round.progress = progress
                    round.tenantProgress += made
                }
            }
            round.tenant = nil
            index = end
        }
        return progress
    }

    /// Reads the due moments again before a pass that goes by them, when progress since they were read may have queued
    /// work (a routed event starting a run whose first message is due now).
    private func refreshDueIfStale(for pass: any WorkerPass, in round: inout WorkerRound) async throws {
        guard pass.readsDueMoments, round.dueIsStale else { return }
        round.refreshDue(try await dependencies.store.nextDueMoments())
    }

    /// Fires every timer due at `now`, batch after batch.
    public func advanceTimers(now: Date, catalogs: [String: FlowCatalog]) async throws -> Int {
        try await timers.fire(now: now, catalogs: catalogs)
    }

    /// The next moment anything becomes due (a timer, a message, an action, a cart's abandonment), for the simulator.
    public func nextDue() async throws -> Date? {
        nextDue(try await dependencies.store.nextDueMoments())
    }

    /// The earliest of the moments (a cart falls due its abandonment delay after its last update).
    func nextDue(_ due: DueMoments) -> Date? {
        let cart = due.oldestOpenCartUpdate.map { $0.addingTimeInterval(settings.cartAbandonmentDelay) }
        return [due.runWake, due.messageDue, due.actionDue, cart].compactMap { $0 }.min()
    }
}
