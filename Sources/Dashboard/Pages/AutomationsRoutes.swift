import AutopilotCore
import Engine
import Foundation
import Hummingbird

extension DashboardApp {
    /// Automations, templates and messages: the pages of what is sent and how.
    func registerAutomationPages<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        registerAutomations(on: router)
        registerTemplates(on: router)
        registerMessages(on: router)
    }

    func registerAutomations<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/automations") { request, _ in
            await self.page(request) { viewer, pageRequest in try await AutomationsPage(app: self, viewer: viewer).view(pageRequest) }
        }
        router.get("/automations/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.page(request) { viewer, pageRequest in
                try await AutomationPage(app: self, viewer: viewer).view(id: id, request: pageRequest)
            }
        }
        for change in ["enable", "disable", "resume"] {
            router.post("/automations/:id/\(change)") { request, context in
                let id = context.parameters.get("id") ?? ""
                return await self.action(request) { viewer, form, _ in try await self.changeFlow(id, change, viewer: viewer, form: form) }
            }
        }
    }

    /// Turns a flow on or off, or resumes it after the circuit breaker paused it; back to the page the form came from.
    func changeFlow(_ id: String, _ change: String, viewer: Viewer, form: FormBody) async throws -> ActionResult {
        let administration = FlowAdministration(dependencies: dependencies, tenantID: viewer.tenantID)
        switch change {
        case "enable": try await administration.enable(id: id)
        case "disable": try await administration.disable(id: id)
        default: _ = try await FlowRunControl(dependencies: dependencies, tenantID: viewer.tenantID).resume(flowID: id)
        }
        let notice = ["enable": "flow_enabled", "disable": "flow_disabled"][change] ?? "flow_resumed"
        return ActionResult(HTMLResponse.localPath(form["back"]) ?? "/automations", notice: notice)
    }
}

/// The period the automation pages count over: 7, 30 (default) or 90 days up to now.
struct AutomationPeriod {
    static let choices = [7, 30, 90]
    let days: Int

    init(_ request: PageRequest) {
        let asked = request.integer("period") ?? 30
        days = Self.choices.contains(asked) ? asked : 30
    }

    func start(now: Date) -> Date { now.addingTimeInterval(-Double(days) * 86_400) }

    func options(_ strings: Strings, path: String) -> [[String: Any]] {
        Self.choices.map { ["value": $0, "label": strings.format("automations_period_days", "\($0)"), "selected": $0 == days] }
    }
}
