import AutopilotCore
import Content
import Engine
import Foundation
import Hummingbird
import Scoring
import Storage

extension DashboardApp {
    func registerReports<Context: RemoteAddressRequestContext>(on router: Router<Context>) {
        router.get("/reports") { request, _ in
            await self.page(request) { viewer, pageRequest in try await ReportsPage(app: self, viewer: viewer).view(pageRequest) }
        }
    }
}

/// Rapports / Reports: the weekly report — its summary, what each automation earned against what it cost, alerts.
struct ReportsPage {
    let app: DashboardApp
    let viewer: Viewer

    func view(_ request: PageRequest) async throws -> PageView {
        let strings = viewer.strings, format = viewer.format
        var week: ReportWeek?
        if let ending = request.text("week") {
            do { week = try ReportWeek(ending: ending) } catch { throw DashboardFailure.invalid(strings.format("reports_bad_week", ending)) }
        }
        let report = try await WeeklyReporter(dependencies: app.dependencies, tenantID: viewer.tenantID).report(week: week, language: viewer.language)
        let money = { (amount: Double) in format.money(amount, currency: report.currency) }
        let lines = (report.flows + [report.total]).map { line -> [String: Any] in
            [
                "name": line.flow == "total" ? strings["reports_total"] : line.name,
                "isTotal": line.flow == "total",
                "state": line.state.isEmpty ? "" : strings["flow_state_\(line.state)"],
                "sent": format.number(line.current.sent), "previousSent": format.number(line.previous.sent),
                "opened": format.percent(line.current.sent > 0 ? Double(line.current.opened) / Double(line.current.sent) : 0),
                "clicked": format.percent(line.current.clickRate),
                "orders": format.number(line.current.attributedOrders),
                "revenue": money(line.current.revenue), "previousRevenue": money(line.previous.revenue),
                "cost": money(line.roi.cost),
                "roi": line.roi.ratio.map { strings.format("reports_roi_ratio", format.decimal($0, fractionDigits: 1)) } ?? "–",
            ]
        }
        let bars = report.flows.filter { $0.current.revenue > 0 || $0.previous.revenue > 0 }.prefix(10).map { line in
            BarChart.Bar(
                label: line.name, value: line.current.revenue, display: money(line.current.revenue), previous: line.previous.revenue,
                previousDisplay: money(line.previous.revenue))
        }
        let chart = BarChart(
            id: "report-revenue", title: strings["reports_chart_title"], summary: strings["reports_chart_summary"],
            valueHeader: strings["reports_this_week"], previousHeader: strings["reports_previous_week"], bars: Array(bars)
        ).draw()
        let sentBars = report.flows.filter { $0.current.sent > 0 || $0.previous.sent > 0 }.prefix(10).map { line in
            BarChart.Bar(
                label: line.name, value: Double(line.current.sent), display: format.number(line.current.sent), previous: Double(line.previous.sent),
                previousDisplay: format.number(line.previous.sent))
        }
        let sentChart = BarChart(
            id: "report-sent", title: strings["reports_sent_title"], summary: strings["reports_sent_summary"],
            valueHeader: strings["reports_this_week"], previousHeader: strings["reports_previous_week"], bars: Array(sentBars)
        ).draw()
        let writer =
            report.offlineReason == nil
            ? strings.format("reports_written_by", report.provider) : strings["reports_written_offline"]
        let previousWeek = report.week.previous.weekEnding
        let nextEnding = report.week.start.addingTimeInterval(13 * 86_400)
        let model: [String: Any] = [
            "heading": strings.format(
                "reports_heading", format.date(report.week.start), format.date(report.week.end.addingTimeInterval(-86_400))),
            "summary": report.prose.executiveSummary,
            "insights": report.prose.insights,
            "recommendations": report.prose.recommendations,
            "writer": writer,
            "hasInsights": !report.prose.insights.isEmpty,
            "hasRecommendations": !report.prose.recommendations.isEmpty,
            "hasAlerts": !report.alerts.isEmpty,
            "lines": lines,
            "alerts": report.alerts.map { ["text": $0.message, "severity": $0.severity] },
            "revenueChart": chart.templateValues,
            "sentChart": sentChart.templateValues,
            "previousHref": "/reports?week=\(previousWeek)",
            "nextHref": nextEnding < app.dependencies.clock.now() ? "/reports?week=\(ReportWeek.day(nextEnding))" : "",
            "atRisk": strings.format(
                "reports_at_risk", format.number(report.insights.atRisk), format.number(report.insights.previousAtRisk)),
        ]
        return PageView(template: "reports", title: strings["nav_reports"], section: "reports", model: model)
    }
}
