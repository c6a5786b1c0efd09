import AutopilotCore
import Flows
import Foundation
import Logging
import Storage

/// The flows' send-quality breakers, kept in the store: after each dispatch batch the flows that just sent or failed are
/// judged on their latest outcomes (since their last resume); one whose success rate falls below the threshold is paused,
/// its queued messages are held (`flow_paused`), and the team is notified. A person resumes it (`POST
/// /v1/flows/{id}/resume`); held messages then go through the sending policy again instead of leaving in a burst.
struct FlowBreakers {
    let store: any AutopilotStore
    let settings: FlowCircuitBreakerSettings
    let logger: Logger

    /// Paused flows of these tenants: tenant → flow → reason.
    func paused(tenants: Set<String>) async throws -> [String: [String: String]] {
        var paused: [String: [String: String]] = [:]
        for tenant in tenants {
            for choice in try await store.tenantFlows(tenantID: tenant) {
                if let reason = choice.pausedReason { paused[tenant, default: [:]][choice.flowID] = reason }
            }
        }
        return paused
    }

    /// Judges the flows whose messages just finished; returns the pauses it made.
    @discardableResult
    func judge(_ finished: [OutboxRecord], paused: [String: [String: String]], now: Date) async throws -> [(
        tenantID: String, flowID: String, pause: FlowPause
    )] {
        // Only a failure can lower a success rate: a batch that only sent judges nothing (a bounce reported later is
        // counted at the flow's next failure).
        var flows = Set<[String]>()
        for message in finished where message.status == .failed {
            guard let flow = message.flowID, paused[message.tenantID]?[flow] == nil else { continue }
            flows.insert([message.tenantID, flow])
        }
        var pauses: [(tenantID: String, flowID: String, pause: FlowPause)] = []
        for key in flows.sorted(by: { $0.joined() < $1.joined() }) {
            let (tenant, flow) = (key[0], key[1])
            let choice = try await store.tenantFlows(tenantID: tenant).first { $0.flowID == flow }
            let outcomes = try await store.flowOutcomes(tenantID: tenant, flowID: flow, since: choice?.updatedAt, limit: max(settings.window, 1))
            var breaker = FlowCircuitBreaker(settings: settings)
            var decision = CircuitBreakerDecision.keepSending
            for sent in outcomes.reversed() { decision = breaker.record(sent ? .succeeded : .failed, at: now) }
            guard case .pause(let pause) = decision else { continue }
            let version = try choice?.version ?? (FlowLibrary.builtIn.first { $0.id == flow }?.version ?? 1)
            let reason = "circuit_breaker: " + pause.summary
            try await store.pauseFlow(tenantID: tenant, flowID: flow, version: version, reason: reason, at: now)
            let text = "Flow \(flow) paused itself: \(pause.summary). Its queued messages are held until someone resumes it."
            logger.warning("flow paused", metadata: ["tenant": "\(tenant)", "flow": "\(flow)", "reason": "\(pause.summary)"])
            try await store.saveActions([
                FlowActionRecord(
                    id: FlowRunChanges.messageID(tenantID: tenant, key: "breaker:\(flow):\(Timestamp.format(now))").replacingOccurrences(
                        of: "msg_", with: "act_"),
                    tenantID: tenant, idempotencyKey: "breaker:\(flow):\(Timestamp.format(now))", runID: "", flowID: flow, contactID: "",
                    kind: .notify,
                    payload: JSONValue.object(["channel": "slack", "message": .string(text)]).jsonString, status: .pending, nextAttemptAt: now,
                    createdAt: now,
                    updatedAt: now)
            ])
            pauses.append((tenant, flow, pause))
        }
        return pauses
    }
}
