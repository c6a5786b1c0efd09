import AutopilotCore
import Flows
import Foundation
import Storage

/// A tenant's flows as read at one moment: the built-in library, the tenant's choices and versions, the catalog they make,
/// and the runs under way per flow.
struct TenantFlowState: Sendable {
    let builtIn: [String: FlowDefinition]
    let choices: [String: TenantFlowRecord]
    let versions: [String: [FlowVersionRecord]]
    let catalog: FlowCatalog
    let activeRuns: [String: Int]

    static func load(tenantID: String, store: any FlowCatalogStore & FlowRunStore) async throws -> TenantFlowState {
        async let choices = store.tenantFlows(tenantID: tenantID)
        async let versions = store.flowVersions(tenantID: tenantID)
        async let counts = store.flowRunCounts(tenantID: tenantID)
        let library = (try? FlowLibrary.builtIn) ?? []
        let (choiceRecords, versionRecords, runCounts) = try await (choices, versions, counts)
        var active: [String: Int] = [:]
        for count in runCounts where count.status.isUnderWay { active[count.flowID, default: 0] += count.count }
        return TenantFlowState(
            builtIn: Dictionary(library.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
            choices: Dictionary(choiceRecords.map { ($0.flowID, $0) }, uniquingKeysWith: { _, last in last }),
            versions: Dictionary(grouping: versionRecords, by: \.flowID),
            catalog: FlowCatalog(tenantID: tenantID, builtIn: library, tenantFlows: choiceRecords, tenantVersions: versionRecords),
            activeRuns: active)
    }

    /// Every flow id the tenant has, sorted.
    var ids: [String] { catalog.entries.keys.sorted() }

    func exists(_ id: String) -> Bool { catalog.entries[id] != nil || versions[id] != nil }

    func summary(_ id: String) -> FlowSummary? {
        guard let entry = catalog.entries[id] else { return nil }
        let flow = entry.current
        return FlowSummary(
            id: id, name: flow.name, description: flow.description, version: flow.version, enabled: entry.enabled, pausedReason: entry.pausedReason,
            source: tenantVersion(id, flow.version) == nil ? .builtin : .tenant, builtIn: builtIn[id] != nil,
            trigger: FlowSummary.summary(of: flow.trigger), activeRuns: activeRuns[id] ?? 0)
    }

    func tenantVersion(_ id: String, _ version: Int) -> FlowVersionRecord? {
        versions[id]?.first { $0.version == version }
    }

    /// The document of a version as written: the tenant's text, or the shipped library file.
    func document(_ id: String, _ version: Int) -> String? {
        if let record = tenantVersion(id, version) { return record.source }
        guard let flow = builtIn[id], flow.version == version else { return nil }
        return FlowLibrary.source(id: id)
    }

    /// The highest version number known for a flow (shipped or the tenant's), 0 for an unknown id.
    func latestVersion(_ id: String) -> Int {
        max(builtIn[id]?.version ?? 0, versions[id]?.map(\.version).max() ?? 0)
    }

    func detail(_ id: String) -> FlowDetail? {
        guard let summary = summary(id) else { return nil }
        var list: [FlowDetail.Version] = []
        if let flow = builtIn[id], tenantVersion(id, flow.version) == nil {
            list.append(FlowDetail.Version(version: flow.version, source: .builtin, createdAt: nil, current: flow.version == summary.version))
        }
        for record in versions[id] ?? [] {
            list.append(
                FlowDetail.Version(version: record.version, source: .tenant, createdAt: record.createdAt, current: record.version == summary.version))
        }
        let text = document(id, summary.version) ?? ""
        return FlowDetail(
            flow: summary, format: FlowSourceText.isJSON(text) ? "json" : "yaml", definition: text, versions: list.sorted { $0.version < $1.version })
    }
}
