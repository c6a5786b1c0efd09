import AutopilotCore
import Content
import Engine
import Foundation
import Hummingbird
import Scoring
import Storage

extension DashboardApp {
    func registerToday<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/") { request, _ in
            await self.page(request) { viewer, pageRequest in try await TodayPage(app: self, viewer: viewer).view(pageRequest) }
        }
        router.post("/recommendations/decide") { request, _ in
            await self.action(request) { viewer, form, _ in try await self.decide(viewer: viewer, form: form) }
        }
    }

    /// Accept, dismiss or snooze (until tomorrow 9:00, shop time) one or many follow-ups.
    func decide(viewer: Viewer, form: FormBody) async throws -> ActionResult {
        let ids = form.all("ids").filter { !$0.isEmpty }
        guard !ids.isEmpty else { throw DashboardFailure.invalid(viewer.strings["followup_none_selected"]) }
        guard let action = form["action"], ["accept", "dismiss", "snooze"].contains(action) else {
            throw DashboardFailure.invalid(viewer.strings["followup_bad_action"])
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = viewer.timeZone
        let now = dependencies.clock.now()
        let tomorrow = calendar.date(byAdding: .day, value: 1, to: calendar.startOfDay(for: now)) ?? now.addingTimeInterval(86_400)
        let until = action == "snooze" ? tomorrow.addingTimeInterval(9 * 3600) : nil
        let insights = InsightsService(dependencies: dependencies, tenantID: viewer.tenantID)
        for id in ids { _ = try await insights.decide(recommendationID: id, action: action, until: until) }
        return ActionResult(HTMLResponse.localPath(form["back"]) ?? "/", notice: "followup_\(action)")
    }
}
