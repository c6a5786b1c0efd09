import AutopilotCore
import Content
import Engine
import Flows
import Foundation
import Integrations
import LLM
import Storage

/// Réglages / Settings: the shop's time zone, the user's language, channels and integrations with their health, API
/// keys, webhook endpoints, users, the sending rules and the language-model budget.
struct SettingsPage {
    let app: DashboardApp
    let viewer: Viewer
    /// A secret made by the action that rendered this page, shown once (a new API key, a new user's password).
    var revealed: [String: Any]? = nil

    func view() async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        // The name as stored: Foundation on Linux calls UTC "GMT".
        let current = (try? await app.tenants.timeZoneIdentifier(tenantID: viewer.tenantID)) ?? viewer.timeZone.identifier
        let zones = TimeZone.knownTimeZoneIdentifiers.sorted().map { ["id": $0, "selected": $0 == current] as [String: Any] }
        let store = app.dependencies.store
        let health = IntegrationStatus.list(
            inventory: app.configuration.integrations, records: (try? await store.integrationHealth()) ?? [],
            tenantChoices: (try? await store.channelProviderChoices()) ?? [], detailed: false)
        let integrations = health.map { status -> [String: Any] in
            [
                "name": status.name, "state": strings["settings_state_\(status.status.rawValue)"],
                "stateClass": status.status == .ok ? "good" : (status.status == .idle ? "info" : "bad"),
                "successes": format.number(status.successes), "failures": format.number(status.failures),
                "lastSuccess": status.lastSuccessAt.flatMap(Timestamp.parse).map(format.dateTime) ?? "–",
                "lastError": status.lastErrorAt.flatMap(Timestamp.parse).map(format.dateTime) ?? "–",
            ]
        }
        var model: [String: Any] = [
            "timeZone": current, "zones": zones, "canManage": viewer.canManageUsers,
            "languages": [
                ["code": "fr", "label": "Français", "selected": viewer.language == .french],
                ["code": "en", "label": "English", "selected": viewer.language == .english],
            ] as [[String: Any]],
            "integrations": integrations, "hasIntegrations": !integrations.isEmpty,
            "budget": try await budget(),
            "sendingRules": SendingRulesView(rules: app.configuration.sendingRules, strings: strings).rows,
            "rulesTimeZone": app.configuration.sendingRules.timeZone,
        ]
        if viewer.canManageUsers {
            model["keys"] = try await app.tenants.apiKeys(tenantID: viewer.tenantID).map { key -> [String: Any] in
                [
                    "id": key.id, "prefix": key.prefix + "…", "created": format.dateTime(key.createdAt),
                    "revoked": key.revokedAt.map(format.dateTime) as Any, "live": key.revokedAt == nil,
                ]
            }
            let base = app.configuration.publicBaseURL.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? ""
            model["endpoints"] = try await app.tenants.webhookEndpoints(tenantID: viewer.tenantID).map { endpoint -> [String: Any] in
                ["provider": endpoint.provider, "url": base + "/v1/webhooks/\(endpoint.provider)/\(endpoint.token)", "created": format.dateTime(endpoint.createdAt)]
            }
            model["providers"] = WebhookProvider.allCases.map { ["id": $0.rawValue] }
            model["users"] = try await app.accounts.listUsers(tenantID: viewer.tenantID).map { user -> [String: Any] in
                [
                    "id": user.id, "email": user.email, "role": strings["role_\(user.role.rawValue)"], "isSelf": user.id == viewer.user.id,
                    "roles": UserRole.allCases.map { ["id": $0.rawValue, "label": strings["role_\($0.rawValue)"], "selected": $0 == user.role] },
                ]
            }
            model["roles"] = UserRole.allCases.map { ["id": $0.rawValue, "label": strings["role_\($0.rawValue)"]] }
        }
        if let revealed { model["revealed"] = revealed }
        return PageView(template: "settings", title: strings["nav_settings"], section: "settings", model: model)
    }

    /// The language models in the order tried for this shop, this month's spend against the budget.
    func budget() async throws -> [String: Any] {
        let strings = viewer.strings, format = viewer.format
        let gateway = app.dependencies.ai.gateway
        let providers = gateway.providerNames(for: viewer.tenantID)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let now = app.dependencies.clock.now()
        let monthStart = calendar.dateInterval(of: .month, for: now)?.start ?? now
        let calls = try await app.dependencies.store.llmCalls(tenantID: viewer.tenantID, from: monthStart, to: now)
        let spent = calls.reduce(0) { $0 + $1.costUSD }
        let limit = gateway.configuration.budget.limit(for: viewer.tenantID)
        return [
            "providers": providers.isEmpty ? strings["settings_llm_offline"] : providers.joined(separator: " → "),
            "spent": format.money(spent, currency: "USD"),
            "limit": limit.map { format.money($0, currency: "USD") } ?? strings["settings_llm_no_limit"],
            "calls": format.number(calls.count),
        ]
    }
}
