import AutopilotCore
import Flows
import Foundation
import Storage

/// A tenant's flows as the engine runs them: every known version (runs finish on theirs), which flows are on, their settings.
public struct FlowCatalog: Sendable {
    public struct Entry: Sendable {
        public var current: FlowDefinition
        public var enabled: Bool
        public var pausedReason: String?
        public var settings: [String: Double]

        /// On, not paused: new runs may start.
        public var isLive: Bool { enabled && pausedReason == nil }
    }

    public let tenantID: String
    public let timeZone: String
    /// The tenant's holdout and the splits' decided winners, handed to every run that starts.
    public var experiments = FlowExperimentSettings()
    public private(set) var entries: [String: Entry] = [:]
    private var versions: [String: [Int: FlowDefinition]] = [:]

    /// The built-in library, overlaid with the tenant's own versions and choices. Built-in flows are on unless the tenant
    /// turned them off (the default sender only logs, so nothing reaches a person until a channel is configured) — except
    /// delegated flows (`trigger: { recommendation: RULE }`): acting without asking is a choice the tenant makes.
    public init(
        tenantID: String, timeZone: String = "UTC", builtIn: [FlowDefinition], tenantFlows: [TenantFlowRecord], tenantVersions: [FlowVersionRecord]
    ) {
        self.tenantID = tenantID
        self.timeZone = timeZone
        for flow in builtIn {
            versions[flow.id, default: [:]][flow.version] = flow
            entries[flow.id] = Entry(current: flow, enabled: flow.trigger.recommendationRule == nil, pausedReason: nil, settings: [:])
        }
        for record in tenantVersions {
            guard let flow = try? FlowDefinition.parse(record.source) else { continue }
            var pinned = flow
            pinned.version = record.version
            versions[record.flowID, default: [:]][record.version] = pinned
            if entries[record.flowID] == nil { entries[record.flowID] = Entry(current: pinned, enabled: false, pausedReason: nil, settings: [:]) }
        }
        for choice in tenantFlows {
            guard let current = versions[choice.flowID]?[choice.version] ?? entries[choice.flowID]?.current else { continue }
            var settings: [String: Double] = [:]
            if let object = (try? JSONParser.parse(choice.settings))?.objectValue {
                for (name, value) in object { if let number = value.doubleValue { settings[name] = number } }
            }
            entries[choice.flowID] = Entry(current: current, enabled: choice.enabled, pausedReason: choice.pausedReason, settings: settings)
        }
        live = entries.values.filter(\.isLive).map(\.current).sorted { $0.id < $1.id }
        dated = live.filter {
            switch $0.trigger {
            case .date, .schedule: true
            default: false
            }
        }
        decidesSplits = live.contains { $0.split?.step.winner != nil }
        for flow in live {
            guard let rule = flow.trigger.recommendationRule, delegatedRules[rule] == nil else { continue }
            delegatedRules[rule] = flow.id
        }
    }

    /// The definition a run is pinned to.
    public func definition(id: String, version: Int) -> FlowDefinition? {
        versions[id]?[version]
    }

    /// Flows new runs may start on, by id. This and the three below are worked out once: the worker keeps a tenant's
    /// catalog while its state does not change, and every round's per-tenant passes ask.
    public private(set) var live: [FlowDefinition] = []
    /// The live flows started by a contact's date or by a schedule (`DateTriggers`), by id.
    public private(set) var dated: [FlowDefinition] = []
    /// Whether a live flow has an A/B split with a `winner` rule to decide.
    public private(set) var decidesSplits = false
    /// The live delegated flows by the recommendation rule they act on (the first by id when several do).
    public private(set) var delegatedRules: [String: String] = [:]

    public func settings(of flowID: String) -> [String: Double] {
        entries[flowID]?.settings ?? [:]
    }

    /// What a run of this flow starts with: the tenant's holdout and the split's winner.
    public func experimentInput(for flowID: String) -> FlowExperimentInput {
        FlowExperimentInput(tenantHoldoutPercent: experiments.tenantHoldoutPercent, winner: experiments.winners[flowID])
    }

    /// Loads a tenant's catalog from the store.
    public static func load(tenantID: String, store: any FlowStore & TenantSettingsStore) async throws -> FlowCatalog {
        async let choices = store.tenantFlows(tenantID: tenantID)
        async let versions = store.flowVersions(tenantID: tenantID)
        async let decisions = store.splitDecisions(tenantID: tenantID)
        async let settings = store.tenantSettings(tenantID: tenantID)
        var catalog = FlowCatalog(
            tenantID: tenantID, builtIn: (try? FlowLibrary.builtIn) ?? [], tenantFlows: try await choices, tenantVersions: try await versions)
        catalog.experiments = FlowExperimentSettings(settings: try await settings, decisions: try await decisions)
        return catalog
    }
}
