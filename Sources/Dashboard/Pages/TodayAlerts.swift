import AutopilotCore
import Content
import Engine
import Foundation
import Scoring
import Storage

/// What needs a person: flows paused by the circuit breaker, failing channels and integrations, messages held for
/// approval.
struct TodayAlerts {
    let app: DashboardApp
    let viewer: Viewer

    func list() async throws -> [[String: Any]] {
        let strings = viewer.strings
        var alerts: [[String: Any]] = []
        let flows = try await FlowAdministration(dependencies: app.dependencies, tenantID: viewer.tenantID).list()
        for flow in flows where flow.enabled && flow.pausedReason != nil {
            alerts.append([
                "severity": "critical", "text": strings.format(
                    "alert_flow_paused", viewer.flowName(id: flow.id, name: flow.name),
                    FlowRow(viewer: viewer).pausedWords(flow.pausedReason ?? "")),
                "href": "/automations/\(flow.id)",
            ])
        }
        // Instance-wide providers: their name only, never their last error (it may name another tenant's recipient).
        for record in (try? await app.dependencies.store.integrationHealth()) ?? [] {
            guard let failedAt = record.lastErrorAt, failedAt > (record.lastSuccessAt ?? .distantPast) else { continue }
            alerts.append([
                "severity": record.lastSuccessAt == nil ? "critical" : "warning",
                "text": strings.format("alert_integration_failing", record.name, viewer.format.dateTime(failedAt)),
                "href": "/settings#health",
            ])
        }
        let held = try await app.dependencies.store.heldMessageCount(tenantID: viewer.tenantID)
        if held > 0 {
            alerts.append(["severity": "warning", "text": strings.format("alert_held", viewer.format.number(held)), "href": "/messages?status=held"])
        }
        return alerts
    }
}
