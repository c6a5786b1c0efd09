import AutopilotCore
import Decisions
import Flows
import Foundation
import Storage

/// Delegated flows at work. A live flow whose trigger is `recommendation: RULE` acts on that rule's recommendations
/// without asking: every `interval`, each pending recommendation of a delegated rule starts a run of the flow (once per
/// recommendation) and is recorded as accepted by the flow (`decided_by: flow:ID`), so it leaves the list people work from. A recommendation
/// the flow's re-entry rule refuses stays in the list for a person.
struct RecommendationDelegation {
    let dependencies: Dependencies
    let tenantID: String
    /// How often the recommendations are recomputed for delegated flows (they are time-based: 48 h unopened, 3 days of silence).
    let interval: TimeInterval

    static let cursorName = "delegation"

    /// Starts the runs due at `now`; returns how many started.
    func runDue(catalog: FlowCatalog, now: Date) async throws -> Int {
        let delegated = Self.delegatedRules(catalog)
        guard !delegated.isEmpty else { return 0 }
        let store = dependencies.store
        if let last = try await store.flowCursor(tenantID: tenantID, name: Self.cursorName), now.timeIntervalSince1970 - Double(last) < interval {
            return 0
        }
        let pending = try await InsightsService(dependencies: dependencies, tenantID: tenantID).pendingRecommendations(at: now)
        let control = FlowRunControl(dependencies: dependencies, tenantID: tenantID)
        var started = 0
        for recommendation in pending {
            guard let flowID = delegated[recommendation.rule.rawValue] else { continue }
            do {
                let run = try await control.start(
                    flowID: flowID, in: catalog, contactID: recommendation.contactID, runKey: "recommendation:" + recommendation.id,
                    trigger: Self.trigger(recommendation), now: now)
                try await store.saveRecommendationDecision(
                    StoredRecommendationDecision(
                        recommendationID: recommendation.id, contactID: recommendation.contactID, status: .accepted, until: nil, decidedAt: now,
                        decidedBy: "flow:" + flowID),
                    tenantID: tenantID)
                if run.created { started += 1 }
            } catch is ConflictError {
                continue
            }
        }
        try await store.setFlowCursor(tenantID: tenantID, name: Self.cursorName, position: Int64(now.timeIntervalSince1970))
        return started
    }

    /// The rules live flows are delegated for, each with its flow (the first by id when several claim one rule).
    static func delegatedRules(_ catalog: FlowCatalog) -> [String: String] {
        catalog.delegatedRules
    }

    /// What the run's `trigger` holds: the recommendation it acts on.
    static func trigger(_ recommendation: Recommendation) -> JSONObject {
        [
            "recommendation_id": .string(recommendation.id), "rule": .string(recommendation.rule.rawValue),
            "action": .string(recommendation.action.rawValue), "reason": .string(recommendation.reason),
            "priority": .string(recommendation.priority.rawValue), "channel": .string(recommendation.channel.rawValue),
            "template": .string(RecommendationDelivery.template(for: recommendation)),
        ]
    }
}
