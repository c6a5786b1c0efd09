import AutopilotCore
import Flows
import Foundation
import Logging
import Storage

/// The imperative shell around the flow interpreter: finds abandoned carts, routes new events to flows, fires due timers,
/// carries out actions and dispatches the outbox — every step reading and writing in one transaction, so that a worker
/// may die anywhere and another (or the same, restarted) finishes the work without losing or repeating a step.
public struct FlowEngine: Sendable {
    public let dependencies: Dependencies
    public let settings: FlowEngineSettings
    let dispatcher: MessageDispatcher
    let scores = ScoreMemory()

    public init(dependencies: Dependencies, settings: FlowEngineSettings = FlowEngineSettings(), senders: SenderDirectory = SenderDirectory()) throws {
        self.dependencies = dependencies
        self.settings = settings
        let templates = TemplateResolver(store: dependencies.store, builtIn: (try? TemplateLibrary.builtIn) ?? [])
        dispatcher = MessageDispatcher(
            dependencies: dependencies, settings: settings, senders: senders, renderer: TemplateRenderer(), policy: try SmartSendingPolicy(settings: settings.smartSending),
            templates: templates, breakers: FlowBreakers(store: dependencies.store, settings: settings.circuitBreaker, logger: dependencies.logger))
    }

    /// Everything due at `now`, until nothing is left: the report counts what was done.
    @discardableResult
    public func runDue(now: Date) async throws -> FlowPassReport {
        var report = FlowPassReport()
        let tenants = try await dependencies.store.tenants()
        var catalogs: [String: FlowCatalog] = [:]
        for tenant in tenants { catalogs[tenant.id] = try await FlowCatalog.load(tenantID: tenant.id, store: dependencies.store) }
        for pass in 0..<1_000 {
            var progress = 0
            for tenant in tenants {
                guard let catalog = catalogs[tenant.id] else { continue }
                let abandoned = try await abandonIdleCarts(tenantID: tenant.id, now: now)
                report.cartsAbandoned += abandoned
                progress += abandoned
                var routedHere = 0
                while true {
                    let routed = try await dependencies.store.routeEvents(tenantID: tenant.id, limit: settings.batchSize) { batch in
                        FlowRouter(catalog: catalog, now: now).route(batch)
                    }
                    routedHere += routed.events
                    if routed.events < settings.batchSize { break }
                }
                report.eventsRouted += routedHere
                progress += routedHere
                progress += try await keepScores(tenantID: tenant.id, catalog: catalog, eventsRouted: routedHere, firstPass: pass == 0, now: now, report: &report)
                let started = try await DateTriggers(store: dependencies.store, catalog: catalog).startDue(now: now)
                report.runsStartedByDate += started
                progress += started
            }
            if pass == 0 { progress += await DropshipPass(dependencies: dependencies, settings: settings.dropshipping, slack: settings.slack).runDue(now: now) }
            let stepped = try await advanceTimers(now: now, catalogs: catalogs)
            report.timersFired += stepped
            progress += stepped
            let actions = try await ActionRunner(dependencies: dependencies, settings: settings).runDue(now: now)
            report.actionsDone += actions
            progress += actions
            let dispatched = try await dispatcher.dispatchBatch(now: now)
            report.messagesDispatched += dispatched
            progress += dispatched
            if progress == 0 { break }
        }
        return report
    }

    /// Scores and delegated recommendations: rescoring the contacts of new events (when events moved, and once per tenant
    /// and process to catch up after a stop), the nightly scoring when due, and delegated flows' runs. Returns the progress made (new events to route,
    /// runs started).
    func keepScores(tenantID: String, catalog: FlowCatalog, eventsRouted: Int, firstPass: Bool, now: Date, report: inout FlowPassReport) async throws -> Int {
        var progress = 0
        let keeper = ScoreKeeper(dependencies: dependencies, tenantID: tenantID)
        if settings.rescoreOnEvents, eventsRouted > 0 || scores.firstLook(at: tenantID) {
            let (rescored, crossed) = try await keeper.rescoreTouched(now: now)
            report.contactsRescored += rescored
            report.churnCrossings += crossed
            progress += crossed
        }
        if firstPass, let hour = settings.nightlyScoringHour {
            if let crossed = try await keeper.nightlyIfDue(
                now: now, hour: hour, timeZone: TimeZone(identifier: catalog.timeZone) ?? .gmt, memory: scores)
            {
                report.nightlyScorings += 1
                report.churnCrossings += crossed
                progress += crossed
            }
        }
        if firstPass {
            let delegated = try await RecommendationDelegation(dependencies: dependencies, tenantID: tenantID, interval: settings.delegationInterval)
                .runDue(catalog: catalog, now: now)
            report.runsStartedByDelegation += delegated
            progress += delegated
        }
        return progress
    }

    /// Fires every timer due at `now`, batch after batch.
    func advanceTimers(now: Date, catalogs: [String: FlowCatalog]) async throws -> Int {
        var total = 0
        while true {
            let claimed = try await dependencies.store.advanceDueRuns(now: now, limit: settings.batchSize) { records in
                FlowTimers.fire(records, catalogs: catalogs, now: now)
            }
            total += claimed
            if claimed < settings.batchSize { return total }
        }
    }

    /// Records `cart.abandoned` for open carts idle for the abandonment delay, dated the moment they became abandoned.
    func abandonIdleCarts(tenantID: String, now: Date) async throws -> Int {
        let carts = try await dependencies.store.idleCarts(tenantID: tenantID, idleSince: now.addingTimeInterval(-settings.cartAbandonmentDelay), limit: settings.batchSize)
        guard !carts.isEmpty else { return 0 }
        let contacts = try await dependencies.store.contacts(ids: Set(carts.compactMap(\.contactID)), tenantID: tenantID)
        var events = EngineEvents(pipeline: IngestPipeline(dependencies: dependencies), tenantID: tenantID)
        for cart in carts {
            let at = cart.updatedAt.addingTimeInterval(settings.cartAbandonmentDelay)
            events.add(
                .cartAbandoned, contact: cart.contactID.flatMap { contacts[$0] }, occurredAt: at,
                key: "cart-abandoned:\(cart.externalID):\(Int64(cart.updatedAt.timeIntervalSince1970 * 1000))", properties: ["cart_id": .string(cart.externalID)])
        }
        try await events.flush()
        return carts.count
    }

    /// The next moment anything becomes due (a timer, a message, an action, a cart's abandonment), for the simulator.
    public func nextDue() async throws -> Date? {
        async let wake = dependencies.store.nextRunWake()
        async let message = dependencies.store.nextMessageDue()
        async let action = dependencies.store.nextActionDue()
        async let cart = dependencies.store.oldestOpenCartUpdate()
        let cartDue = try await cart.map { $0.addingTimeInterval(settings.cartAbandonmentDelay) }
        return [try await wake, try await message, try await action, cartDue].compactMap { $0 }.min()
    }
}

/// What one pass did.
public struct FlowPassReport: Sendable, Equatable {
    public var cartsAbandoned = 0
    public var eventsRouted = 0
    public var runsStartedByDate = 0
    public var timersFired = 0
    public var actionsDone = 0
    public var messagesDispatched = 0
    /// Customers rescored (RFM, churn) because of new order, engagement or support events.
    public var contactsRescored = 0
    /// `score.churn_risk_crossed` events emitted by rescoring.
    public var churnCrossings = 0
    public var nightlyScorings = 0
    /// Runs of delegated flows started by pending recommendations.
    public var runsStartedByDelegation = 0

    public init() {}
}

/// Fires due timers, purely.
enum FlowTimers {
    static func fire(_ records: [FlowRunRecord], catalogs: [String: FlowCatalog], now: Date) -> FlowChanges {
        var changes = FlowChanges()
        for record in records {
            var writer = FlowRunChanges(tenantID: record.tenantID, now: now)
            guard let run = FlowRunChanges.run(record), let wakeAt = run.wakeAt,
                let definition = catalogs[record.tenantID]?.definition(id: run.flowID, version: run.flowVersion)
            else {
                // A run that cannot be read or whose flow version is gone stops here, with the reason, instead of firing forever.
                var broken = record
                broken.wakeAt = nil
                broken.status = "exited"
                broken.reason = "definition_missing"
                broken.finishedAt = now
                broken.updatedAt = now
                changes.runs.append(broken)
                continue
            }
            let (next, effects) = FlowInterpreter.step(definition: definition, run: run, input: .timer(dueAt: wakeAt), now: now)
            writer.record(next, effects: effects, startedAt: record.startedAt)
            if next == run && effects.isEmpty, var unchanged = writer.changes.runs.last {
                // A timer the run does not accept would be claimed again and again: drop it.
                unchanged.wakeAt = nil
                writer.changes.runs[writer.changes.runs.count - 1] = unchanged
            }
            changes.runs += writer.changes.runs
            changes.messages += writer.changes.messages
            changes.actions += writer.changes.actions
        }
        return changes
    }
}
