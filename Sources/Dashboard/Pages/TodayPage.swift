import AutopilotCore
import Content
import Decisions
import Engine
import Foundation
import Hummingbird
import Scoring
import Storage

/// Aujourd'hui / Today: this week against last week, the follow-ups to approve, hot leads waiting, and alerts.
struct TodayPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        let now = app.dependencies.clock.now()
        let week = WeekWindow(now: now, timeZone: viewer.timeZone)
        let store = app.dependencies.store
        let analytics = FlowAnalytics(store: store, tenantID: viewer.tenantID)
        async let currentFlows = analytics.stats(from: week.start, until: now)
        async let previousFlows = analytics.stats(from: week.previousStart, until: week.start)
        async let currentActivity = store.activityCounts(tenantID: viewer.tenantID, from: week.start, until: now)
        async let previousActivity = store.activityCounts(tenantID: viewer.tenantID, from: week.previousStart, until: week.start)
        async let hotLeads = store.waitingHotLeads(tenantID: viewer.tenantID, limit: 10)
        async let alerts = TodayAlerts(app: app, viewer: viewer).list()
        let followUps = try await FollowUpList(app: app, viewer: viewer).load(request)

        let current = WeekTotals(try await currentFlows), previous = WeekTotals(try await previousFlows)
        let activity = try await currentActivity, before = try await previousActivity
        let currency = current.currency ?? previous.currency ?? "EUR"
        let figures: [[String: Any]] = [
            figure("today_revenue", current.revenue, previous.revenue, format.money(current.revenue, currency: currency),
                format.money(previous.revenue, currency: currency)),
            figure("today_orders", Double(current.orders), Double(previous.orders), format.number(current.orders), format.number(previous.orders)),
            figure("today_sent", Double(activity.sent), Double(before.sent), format.number(activity.sent), format.number(before.sent)),
            figure("today_replies", Double(activity.replied), Double(before.replied), format.number(activity.replied), format.number(before.replied)),
            figure(
                "today_unsubscribes", Double(activity.unsubscribed), Double(before.unsubscribed), format.number(activity.unsubscribed),
                format.number(before.unsubscribed), higherIsBetter: false),
        ]
        let leads = try await hotLeads.map { lead -> [String: Any] in
            [
                "href": "/leads/\(lead.leadID)", "name": lead.name ?? lead.email ?? strings["today_unnamed"], "company": lead.company ?? "",
                "score": lead.score.map(String.init) ?? "–", "since": format.dateTime(lead.createdAt), "datetime": format.machineTime(lead.createdAt),
            ]
        }
        let model: [String: Any] = [
            "heading": strings.format("today_heading", format.date(now)),
            "figures": figures,
            "followUps": followUps,
            "hotLeads": leads,
            "hasHotLeads": !leads.isEmpty,
            "alerts": try await alerts,
            "revenueChart": revenueChart(current: current, previous: previous, currency: currency).templateValues,
        ]
        return PageView(template: "today", title: strings["nav_today"], section: "today", model: model)
    }

    /// One headline figure: the value, last week's, and the change in words and colour.
    func figure(
        _ key: String, _ value: Double, _ previous: Double, _ display: String, _ previousDisplay: String, higherIsBetter: Bool = true
    ) -> [String: Any] {
        let strings = viewer.strings
        let trend: String
        let delta: String
        if previous == 0 && value == 0 {
            (trend, delta) = ("same", strings["today_no_change"])
        } else if previous == 0 {
            (trend, delta) = (higherIsBetter ? "up" : "down", strings["today_new"])
        } else {
            let change = (value - previous) / previous
            let better = (change >= 0) == higherIsBetter
            trend = abs(change) < 0.005 ? "same" : (better ? "up" : "down")
            delta = (change >= 0 ? "+" : "") + viewer.format.percent(change)
        }
        return [
            "label": strings[key], "value": display, "previous": strings.format("today_last_week", previousDisplay), "delta": delta, "trend": trend,
        ]
    }

    func revenueChart(current: WeekTotals, previous: WeekTotals, currency: String) -> Chart {
        let strings = viewer.strings, format = viewer.format
        let names = Set(current.revenueByFlow.keys).union(previous.revenueByFlow.keys)
        let bars = names.sorted { (current.revenueByFlow[$0] ?? 0, $1) > (current.revenueByFlow[$1] ?? 0, $0) }.prefix(8).map { flow in
            BarChart.Bar(
                label: current.names[flow] ?? previous.names[flow] ?? flow, value: current.revenueByFlow[flow] ?? 0,
                display: format.money(current.revenueByFlow[flow] ?? 0, currency: currency), previous: previous.revenueByFlow[flow] ?? 0,
                previousDisplay: format.money(previous.revenueByFlow[flow] ?? 0, currency: currency))
        }
        return BarChart(
            id: "revenue-by-flow", title: strings["today_chart_title"], summary: strings["today_chart_summary"], valueHeader: strings["today_this_week"],
            previousHeader: strings["today_previous_week"], bars: Array(bars)
        ).draw()
    }
}

/// Monday 00:00 of this week in the shop's time zone, and of the week before.
struct WeekWindow {
    let start: Date
    let previousStart: Date

    init(now: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = timeZone
        let interval = calendar.dateInterval(of: .weekOfYear, for: now)
        start = interval?.start ?? now.addingTimeInterval(-7 * 86_400)
        previousStart = calendar.date(byAdding: .day, value: -7, to: start) ?? start.addingTimeInterval(-7 * 86_400)
    }
}

/// The flows' attributed revenue and orders of a period, in the main currency.
struct WeekTotals {
    var revenue = 0.0
    var orders = 0
    var currency: String?
    var revenueByFlow: [String: Double] = [:]
    var names: [String: String] = [:]

    init(_ stats: [FlowStats]) {
        var byCurrency: [String: Double] = [:]
        for flow in stats { for (code, amount) in flow.attributed.revenue { byCurrency[code, default: 0] += amount } }
        currency = byCurrency.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
        for flow in stats {
            orders += flow.attributed.orders
            let amount = currency.flatMap { flow.attributed.revenue[$0] } ?? 0
            revenue += amount
            if amount > 0 { revenueByFlow[flow.flow, default: 0] += amount }
            if let name = flow.name { names[flow.flow] = name }
        }
    }
}
