import AutopilotCore
import Content
import Engine
import Foundation
import Hummingbird
import Scoring
import Storage

extension DashboardApp {
    func registerSettings<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/settings") { request, _ in
            await self.page(request) { viewer, _ in try await SettingsPage(app: self, viewer: viewer).view() }
        }
        router.post("/settings/time-zone") { request, _ in
            await self.action(request) { viewer, form, _ in
                guard viewer.canManageUsers else { throw DashboardFailure.forbidden }
                try await self.tenants.setTimeZone(tenantID: viewer.tenantID, identifier: form.text("time_zone") ?? "")
                return ActionResult("/settings", notice: "settings_saved")
            }
        }
    }
}

/// Réglages / Settings: the shop's time zone and the user's language (channels, keys, webhooks and users join it).
struct SettingsPage {
    let app: DashboardApp
    let viewer: Viewer

    func view() async throws -> PageView {
        let strings = viewer.strings
        let current = viewer.timeZone.identifier
        let zones = TimeZone.knownTimeZoneIdentifiers.sorted().map { ["id": $0, "selected": $0 == current] as [String: Any] }
        let model: [String: Any] = [
            "timeZone": current, "zones": zones, "canManage": viewer.canManageUsers,
            "languages": [
                ["code": "fr", "label": "Français", "selected": viewer.language == .french],
                ["code": "en", "label": "English", "selected": viewer.language == .english],
            ] as [[String: Any]],
        ]
        return PageView(template: "settings", title: strings["nav_settings"], section: "settings", model: model)
    }
}
