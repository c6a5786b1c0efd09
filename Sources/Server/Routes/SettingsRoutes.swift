import AutopilotCore
import Engine
import Hummingbird
import Storage

/// `GET /v1/settings`: the tenant's shop settings (secrets shown as `set`) and every name it may set.
/// `PUT /v1/settings` `{"settings": {"shop.name": "…", "shopify.access_token": "…", "links.booking": null}}`: checks every
/// change (errors name `settings.<name>`), then stores them; null removes one. Docs: docs/settings.md.
struct SettingsRoutes {
    let dependencies: Dependencies
    let cipher: SettingsCipher?
    let maximumBodyBytes: Int

    func register(on group: RouterGroup<AppRequestContext>) {
        group.get("settings") { _, context in
            try await show(tenantID: try context.requireTenant())
        }
        group.put("settings") { request, context in
            let tenantID = try context.requireTenant()
            let body = try await JSONBody.object(request, limit: maximumBodyBytes, emptyAllowed: false, code: "invalid_settings")
            guard let changes = body["settings"]?.objectValue else {
                throw ValidationError(code: "invalid_settings", field: "settings", message: "is required: an object of setting names and values")
            }
            var update: [String: String?] = [:]
            for (name, value) in changes {
                switch value {
                case .null: update[name] = .some(nil)
                case .string(let text): update[name] = text
                default: throw ValidationError(code: "invalid_setting", field: "settings.\(name)", message: "must be a string or null")
                }
            }
            try await ShopSettings.update(update, store: dependencies.store, tenantID: tenantID, cipher: cipher, now: dependencies.clock.now())
            return try await show(tenantID: tenantID)
        }
    }

    private func show(tenantID: String) async throws -> Response {
        let settings = try await ShopSettings.load(dependencies.store, tenantID: tenantID, cipher: cipher)
        var values = JSONObject()
        for (name, value) in settings.shown.sorted(by: { $0.key < $1.key }) { values[name] = .string(value) }
        let known = ShopSettings.definitions.map { definition -> JSONValue in
            ["name": .string(definition.name), "secret": .bool(definition.kind == .secret), "meaning": .string(definition.meaning)]
        }
        return JSONResponse.make(json: ["settings": .object(values), "known": .array(known)], status: .ok)
    }
}
