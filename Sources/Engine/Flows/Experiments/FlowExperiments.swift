import AutopilotCore
import Flows
import Foundation
import Storage

/// A tenant's A/B tests: decides splits whose rule is met, and ends a test by hand. Each decision is recorded once, with the
/// figures it was taken on; new runs take the winner from then on.
public struct FlowExperiments: Sendable {
    public let store: any FlowStore
    public let tenantID: String

    public init(store: any FlowStore, tenantID: String) {
        self.store = store
        self.tenantID = tenantID
    }

    /// Decides every live flow's split that has a `winner` rule, no decision yet, and now meets its rule. Returns the new
    /// decisions.
    public func decideDue(catalog: FlowCatalog, now: Date) async throws -> [SplitDecisionRecord] {
        var decided: [SplitDecisionRecord] = []
        for definition in catalog.live where catalog.experiments.winners[definition.id] == nil {
            guard let split = definition.split?.step, let rule = split.winner else { continue }
            let record = try await store.flowExperiment(
                FlowExperimentQuery(tenantID: tenantID, flowID: definition.id, conversionWindow: FlowExperimentAnalysis.windowSeconds(definition)))
            let outcomes = FlowExperimentAnalysis.outcomes(split, record: record)
            guard let decision = SplitDecision.decide(rule, outcomes: outcomes) else { continue }
            let stored = SplitDecisionRecord(
                tenantID: tenantID, flowID: definition.id, winner: decision.winner, metric: decision.metric.rawValue, test: decision.test,
                pValue: decision.pValue, confidence: decision.confidence, figures: Self.figures(split, record: record), decidedBy: "auto",
                decidedAt: now)
            if try await store.recordSplitDecision(stored) { decided.append(stored) }
        }
        return decided
    }

    /// Ends a flow's test by hand: `winner` must be one of its split's variants. A test already decided is a conflict.
    public func end(flowID: String, winner: String, by person: String, now: Date) async throws -> SplitDecisionRecord {
        let state = try await TenantFlowState.load(tenantID: tenantID, store: store)
        guard let definition = state.catalog.entries[flowID]?.current else { throw FlowAdministrationError.notFound(flowID) }
        guard let split = definition.split?.step else {
            throw FlowAdministrationError.invalid(code: "no_split", path: "flow", reason: "flow \(flowID) has no split step to end")
        }
        guard split.variant(winner) != nil else {
            throw FlowAdministrationError.invalid(
                code: "unknown_variant", path: "winner",
                reason: "\"\(winner)\" is not a variant of \(flowID) (\(split.variants.map(\.id).joined(separator: ", ")))")
        }
        let record = try await store.flowExperiment(
            FlowExperimentQuery(tenantID: tenantID, flowID: flowID, conversionWindow: FlowExperimentAnalysis.windowSeconds(definition)))
        let decision = SplitDecisionRecord(
            tenantID: tenantID, flowID: flowID, winner: winner, metric: "manual", test: "manual", pValue: nil, confidence: nil,
            figures: Self.figures(split, record: record), decidedBy: person.isEmpty ? "person" : person, decidedAt: now)
        guard try await store.recordSplitDecision(decision) else {
            let existing = try await store.splitDecisions(tenantID: tenantID).first { $0.flowID == flowID }
            throw FlowAdministrationError(
                category: .conflict, code: "already_decided",
                message: "the test of \(flowID) is already decided: \(existing?.winner ?? "?") won (\(existing?.decidedBy ?? "auto"))")
        }
        return decision
    }

    static func figures(_ split: SplitStep, record: FlowExperimentRecord) -> String {
        let groups = FlowExperimentAnalysis.variantGroups(split, record: record)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(groups)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
