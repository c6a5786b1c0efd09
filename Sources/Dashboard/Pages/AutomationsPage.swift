import AutopilotCore
import Content
import Engine
import Flows
import Foundation

/// Automatisations / Automations: every flow with its switch, its state in words, and what it did over a period —
/// runs, messages sent, orders and revenue attributed, and the return on what its messages cost. Delegated flows (they
/// act on follow-ups without anyone's approval) are listed apart and marked.
struct AutomationsPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings
        let period = AutomationPeriod(request)
        let now = app.dependencies.clock.now()
        let store = app.dependencies.store
        async let flows = FlowAdministration(dependencies: app.dependencies, tenantID: viewer.tenantID).list()
        async let stats = FlowAnalytics(store: store, tenantID: viewer.tenantID).stats(from: period.start(now: now), until: now)
        async let catalog = FlowCatalog.load(tenantID: viewer.tenantID, store: store)
        let byFlow = Dictionary(try await stats.map { ($0.flow, $0) }, uniquingKeysWith: { first, _ in first })
        let entries = try await catalog.entries
        let currency = FlowMoney.mainCurrency(Array(byFlow.values))
        let back = "/automations?period=\(period.days)"
        var ordinary: [[String: Any]] = [], delegated: [[String: Any]] = []
        for flow in try await flows {
            var row = FlowRow(viewer: viewer).values(flow, back: back)
            for (key, value) in FlowMoney(stats: byFlow[flow.id], currency: currency).values(viewer) { row[key] = value }
            row["href"] = "/automations/\(flow.id)?period=\(period.days)"
            if entries[flow.id]?.current.trigger.recommendationRule != nil {
                row["isDelegated"] = true
                delegated.append(row)
            } else {
                ordinary.append(row)
            }
        }
        let model: [String: Any] = [
            "periods": period.options(strings, path: "/automations"),
            "flows": ordinary, "hasFlows": !ordinary.isEmpty,
            "delegated": delegated, "hasDelegated": !delegated.isEmpty,
        ]
        return PageView(template: "automations", title: strings["automations_title"], section: "automations", model: model)
    }
}

/// One flow's name, state in words and switch, for the list and the flow page.
struct FlowRow {
    let viewer: Viewer

    func values(_ flow: FlowSummary, back: String) -> [String: Any] {
        let strings = viewer.strings
        let state = flow.pausedReason != nil ? "paused" : (flow.enabled ? "live" : "off")
        return [
            "id": flow.id, "name": viewer.flowName(id: flow.id, name: flow.name),
            "description": BuiltinWords.flowDescription(id: flow.id, description: flow.description, language: viewer.language),
            "state": state,
            "stateWords": strings["automations_state_\(state)"],
            "stateClass": ["live": "good", "off": "", "paused": "bad"][state] ?? "",
            "pausedWords": flow.pausedReason.map(pausedWords) ?? "", "isPaused": flow.pausedReason != nil,
            "enabled": flow.enabled, "origin": strings[flow.source == .builtin ? "automations_builtin" : "automations_own"],
            "running": flow.activeRuns > 0 ? strings.format("automations_running", viewer.format.number(flow.activeRuns)) : "",
            "back": back, "technical": "\(flow.id) · v\(flow.version) · \(flow.trigger)" + (flow.pausedReason.map { " · \($0)" } ?? ""),
        ].withoutBlanks
    }

    /// `circuit_breaker: 80 of 100 messages sent (80.0%), below 85.0%` in a sentence.
    func pausedWords(_ reason: String) -> String {
        let strings = viewer.strings
        let numbers = reason.split { !($0.isNumber || $0 == ".") }.map(String.init).filter { Double($0) != nil }
        guard reason.hasPrefix("circuit_breaker"), numbers.count >= 4, let rate = Double(numbers[2]), let floor = Double(numbers[3]) else {
            return strings["automations_paused_other"]
        }
        let format = viewer.format
        return strings.format(
            "automations_paused_breaker", numbers[0], numbers[1], format.percent(rate / 100), format.percent(floor / 100))
    }
}

/// A flow's attributed revenue in the main currency, its message costs (by channel, at `MessagePrices`) and return.
struct FlowMoney {
    var revenue = 0.0
    var cost = 0.0
    var runs = 0
    var sent = 0
    var orders = 0
    let currency: String

    init(stats: FlowStats?, currency: String, prices: MessagePrices = MessagePrices()) {
        self.currency = currency
        guard let stats else { return }
        runs = stats.runs.started
        sent = stats.messages.sent
        orders = stats.attributed.orders
        revenue = stats.attributed.revenue.reduce(0) { $0 + ($1.key == currency || $1.key.isEmpty ? $1.value : 0) }
        cost = stats.steps.reduce(0) { $0 + Double($1.messages.sent) * prices.price(channel: $1.channel ?? "") }
    }

    var ratio: Double? { cost > 0 ? revenue / cost : nil }

    func values(_ viewer: Viewer) -> [String: Any] {
        let format = viewer.format, strings = viewer.strings
        return [
            "runs": format.number(runs), "sent": format.number(sent), "orders": format.number(orders),
            "revenue": format.money(revenue, currency: currency), "cost": strings.format("automations_cost", format.money(cost, currency: currency)),
            "roi": ratio.map { strings.format("automations_roi_ratio", format.decimal($0, fractionDigits: 1)) } ?? "–",
        ]
    }

    /// The currency most attributed revenue is in; EUR when there is none.
    static func mainCurrency(_ stats: [FlowStats]) -> String {
        var totals: [String: Double] = [:]
        for flow in stats { for (code, amount) in flow.attributed.revenue where !code.isEmpty { totals[code, default: 0] += amount } }
        return totals.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? "EUR"
    }
}
