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
                try Self.requireOwner(viewer)
                try await self.tenants.setTimeZone(tenantID: viewer.tenantID, identifier: form.text("time_zone") ?? "")
                return ActionResult("/settings", notice: "settings_saved")
            }
        }
        router.post("/settings/api-keys") { request, _ in
            await self.actionShowing(request) { viewer, _ in
                try Self.requireOwner(viewer)
                let key = try await self.tenants.createAPIKey(tenantID: viewer.tenantID)
                let revealed: [String: Any] = ["label": viewer.strings["settings_key_created"], "secret": key]
                return try await SettingsPage(app: self, viewer: viewer, revealed: revealed).view()
            }
        }
        router.post("/settings/api-keys/:id/revoke") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, _, _ in
                try Self.requireOwner(viewer)
                try await self.tenants.revokeAPIKey(id: id, tenantID: viewer.tenantID)
                return ActionResult("/settings#keys", notice: "settings_key_revoked")
            }
        }
        router.post("/settings/webhooks") { request, _ in
            await self.actionShowing(request) { viewer, form in
                try Self.requireOwner(viewer)
                let path = try await WebhookService(dependencies: self.dependencies).register(
                    provider: form.text("provider") ?? "", secret: form.text("secret") ?? "", tenantID: viewer.tenantID)
                let base = self.configuration.publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
                let revealed: [String: Any] = ["label": viewer.strings["settings_webhook_created"], "secret": base + path]
                return try await SettingsPage(app: self, viewer: viewer, revealed: revealed).view()
            }
        }
        router.post("/settings/users") { request, _ in
            await self.actionShowing(request) { viewer, form in
                try Self.requireOwner(viewer)
                let role = UserRole(rawValue: form.text("role") ?? "") ?? .viewer
                let (user, password) = try await self.accounts.createUser(
                    tenantID: viewer.tenantID, email: form.text("email") ?? "", role: role, password: nil)
                let revealed: [String: Any] = ["label": viewer.strings.format("settings_user_created", user.email), "secret": password]
                return try await SettingsPage(app: self, viewer: viewer, revealed: revealed).view()
            }
        }
        router.post("/settings/users/:id/role") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, form, _ in
                try Self.requireOwner(viewer)
                guard let role = UserRole(rawValue: form.text("role") ?? "") else { throw DashboardFailure.invalid(viewer.strings["settings_bad_role"]) }
                guard id != viewer.user.id else { throw DashboardFailure.invalid(viewer.strings["settings_not_yourself"]) }
                guard try await self.accounts.user(id: id, tenantID: viewer.tenantID) != nil else { throw DashboardFailure.notFound }
                try await self.accounts.setRole(userID: id, tenantID: viewer.tenantID, role: role)
                return ActionResult("/settings#users", notice: "settings_saved")
            }
        }
        router.post("/settings/users/:id/delete") { request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.action(request) { viewer, _, _ in
                try Self.requireOwner(viewer)
                guard id != viewer.user.id else { throw DashboardFailure.invalid(viewer.strings["settings_not_yourself"]) }
                guard try await self.accounts.user(id: id, tenantID: viewer.tenantID) != nil else { throw DashboardFailure.notFound }
                try await self.accounts.deleteUser(userID: id, tenantID: viewer.tenantID)
                return ActionResult("/settings#users", notice: "settings_user_removed")
            }
        }
    }

    /// Keys, endpoints, users and the time zone are the owners' to change.
    static func requireOwner(_ viewer: Viewer) throws {
        guard viewer.canManageUsers else { throw DashboardFailure.forbidden }
    }
}
