import AutopilotCore
import Flows
import Foundation
import Storage

/// Flow analytics for one tenant: what `GET /v1/flows/{id}/stats` and `autopilot flows stats` show. The database does the
/// counting (``FlowStore/flowStats(_:)``); this type names the flows and their steps and sums steps into flow totals.
public struct FlowAnalytics: Sendable {
    public let store: any FlowStatsStore & FlowCatalogStore & FlowRunStore & FlowExperimentStore & TenantSettingsStore
    public let tenantID: String

    public init(store: any FlowStatsStore & FlowCatalogStore & FlowRunStore & FlowExperimentStore & TenantSettingsStore, tenantID: String) {
        self.store = store
        self.tenantID = tenantID
    }

    /// Analytics of one flow; throws `flow_not_found` for an id the tenant does not have.
    public func stats(flowID: String, from: Date? = nil, until: Date? = nil) async throws -> FlowStats {
        guard var stats = try await stats(only: flowID, from: from, until: until).first else { throw FlowAdministrationError.notFound(flowID) }
        stats.experiment = try await experiment(flowID: flowID, from: from, until: until)
        return stats
    }

    /// The holdout comparison and the split variants of one flow, by the current version's conversion window.
    public func experiment(flowID: String, from: Date? = nil, until: Date? = nil) async throws -> FlowExperimentStats {
        let state = try await TenantFlowState.load(tenantID: tenantID, store: store)
        let definition = state.catalog.entries[flowID]?.current
        async let record = store.flowExperiment(
            FlowExperimentQuery(
                tenantID: tenantID, flowID: flowID, from: from, until: until,
                conversionWindow: definition.map(FlowExperimentAnalysis.windowSeconds) ?? 5 * 86_400))
        async let decisions = store.splitDecisions(tenantID: tenantID)
        return FlowExperimentAnalysis.stats(
            definition: definition, record: try await record, decision: try await decisions.first { $0.flowID == flowID })
    }

    /// Analytics of every flow of the tenant (including flows without activity), by id.
    public func stats(from: Date? = nil, until: Date? = nil) async throws -> [FlowStats] {
        try await stats(only: nil, from: from, until: until)
    }

    private func stats(only flowID: String?, from: Date?, until: Date?) async throws -> [FlowStats] {
        if let from, let until, from > until {
            throw FlowAdministrationError.invalid(
                code: "invalid_period", path: "from", reason: "\(Timestamp.format(from)) is after until (\(Timestamp.format(until)))")
        }
        let state = try await TenantFlowState.load(tenantID: tenantID, store: store)
        if let flowID, !state.exists(flowID) { throw FlowAdministrationError.notFound(flowID) }
        var query = FlowStatsQuery(tenantID: tenantID, flowID: flowID, from: from, until: until)
        query.windows = AttributionWindows(settings: try await store.tenantSettings(tenantID: tenantID))
        let record = try await store.flowStats(query)
        var definitions: [String: FlowDefinition] = [:]
        for id in flowID.map({ [$0] }) ?? state.ids { definitions[id] = state.catalog.entries[id]?.current }
        return Self.assemble(record, definitions: definitions, from: from, until: until)
    }

    /// Folds the database's grouped counts into one ``FlowStats`` per flow: every flow in `definitions`, and any other flow
    /// the counts mention (a flow since removed). Steps are in document order and annotated from the definitions.
    static func assemble(_ record: FlowStatsRecord, definitions: [String: FlowDefinition], from: Date?, until: Date?) -> [FlowStats] {
        var flows: [String: FlowStats] = [:]
        var steps: [String: [String: FlowStats.Step]] = [:]
        func flow(_ id: String) -> FlowStats {
            flows[id] ?? FlowStats(flow: id, name: definitions[id]?.name, from: from.map(Timestamp.format), until: until.map(Timestamp.format))
        }
        for id in definitions.keys { flows[id] = flow(id) }
        for count in record.runs {
            var stats = flow(count.flowID)
            stats.runs.add(count)
            flows[count.flowID] = stats
            guard let path = count.step, count.status.isUnderWay || count.status == .exited else { continue }
            var step = steps[count.flowID]?[path] ?? FlowStats.Step(step: path, definition: definitions[count.flowID])
            step.runs.add(count)
            steps[count.flowID, default: [:]][path] = step
        }
        for count in record.messages {
            var step = steps[count.flowID]?[count.step] ?? FlowStats.Step(step: count.step, definition: definitions[count.flowID])
            step.messages.add(count)
            steps[count.flowID, default: [:]][count.step] = step
        }
        for count in record.blocks {
            var step = steps[count.flowID]?[count.step] ?? FlowStats.Step(step: count.step, definition: definitions[count.flowID])
            step.messages.blockedByReason[count.reason, default: 0] += count.count
            if count.sent {
                step.messages.sentAfterHold += count.count
                step.messages.sentAfterHoldByReason[count.reason, default: 0] += count.count
            }
            steps[count.flowID, default: [:]][count.step] = step
        }
        for attribution in record.attributions {
            var step =
                steps[attribution.flowID]?[attribution.step] ?? FlowStats.Step(step: attribution.step, definition: definitions[attribution.flowID])
            step.attributed.orders += attribution.orders
            step.attributed.revenue[attribution.currency, default: 0] += attribution.revenue
            steps[attribution.flowID, default: [:]][attribution.step] = step
        }
        for (id, byStep) in steps {
            var stats = flow(id)
            stats.steps = byStep.values.sorted(by: FlowStats.Step.documentOrder)
            for step in stats.steps {
                stats.messages.add(step.messages)
                stats.attributed.orders += step.attributed.orders
                for (currency, amount) in step.attributed.revenue { stats.attributed.revenue[currency, default: 0] += amount }
            }
            flows[id] = stats
        }
        return flows.values.sorted { $0.flow < $1.flow }
    }
}

extension FlowStats.Runs {
    mutating func add(_ count: FlowStatsRecord.RunCount) {
        switch count.status {
        case .skipped:
            skipped += count.count
            skippedByReason[count.reason ?? "unknown", default: 0] += count.count
            return
        case .completed: completed += count.count
        case .exited:
            exited += count.count
            exitedByReason[count.reason ?? "unknown", default: 0] += count.count
        case .pending, .active, .waiting: active += count.count
        }
        started += count.count
    }
}

extension FlowStats.StepRuns {
    mutating func add(_ count: FlowStatsRecord.RunCount) {
        if count.status == .exited {
            exited += count.count
            exitedByReason[count.reason ?? "unknown", default: 0] += count.count
        } else {
            active += count.count
        }
    }
}

extension FlowStats.Messages {
    mutating func add(_ count: FlowStatsRecord.MessageCount) {
        queued += count.queued
        waiting += count.waiting
        sent += count.sent
        failed += count.failed
        skipped += count.skipped
        blocked += count.blocked
        delivered += count.delivered
        opened += count.opened
        clicked += count.clicked
        replied += count.replied
    }

    mutating func add(_ other: FlowStats.Messages) {
        queued += other.queued
        waiting += other.waiting
        sent += other.sent
        failed += other.failed
        skipped += other.skipped
        blocked += other.blocked
        for (reason, count) in other.blockedByReason { blockedByReason[reason, default: 0] += count }
        sentAfterHold += other.sentAfterHold
        for (reason, count) in other.sentAfterHoldByReason { sentAfterHoldByReason[reason, default: 0] += count }
        delivered += other.delivered
        opened += other.opened
        clicked += other.clicked
        replied += other.replied
    }
}

extension FlowStats.Step {
    init(step: String, definition: FlowDefinition?) {
        self.init(step: step)
        guard let path = FlowStepPath.parse(step), let found = definition?.step(at: path) else { return }
        kind = found.kind
        if case .send(let send) = found {
            channel = send.channel.rawValue
            template = send.template
        }
    }

    /// Document order of paths (`steps[2]` before `steps[10]`); unreadable paths last, by text.
    static func documentOrder(_ left: FlowStats.Step, _ right: FlowStats.Step) -> Bool {
        switch (FlowStepPath.parse(left.step), FlowStepPath.parse(right.step)) {
        case (let a?, let b?): a == b ? left.step < right.step : a < b
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): left.step < right.step
        }
    }
}
