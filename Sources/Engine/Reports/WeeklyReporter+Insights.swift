import AutopilotCore
import Content
import Decisions
import Foundation
import LLM
import Scoring
import Storage

extension WeeklyReporter {
    /// Segments and churn risk at the end of the week and of the week before (orders and replies after each date left
    /// out), and the pending recommendations at the end of the week. RFM and churn only: lifetime value changes none of
    /// these numbers, so its model is not fitted here.
    func computeInsights(week: ReportWeek, language: ContentLanguage) async throws -> WeeklyReport.Insights {
        let locale: ScoringLocale = language == .french ? .french : .english
        let data = try await dependencies.store.scoringData(tenantID: tenantID, ticketsSince: week.end.addingTimeInterval(-180 * 86_400))
        func scores(at date: Date) -> [CustomerInsights.CustomerScores] {
            var snapshot = data
            snapshot.orders = data.orders.filter { $0.placedAt < date }
            snapshot.replies = data.replies.filter { $0.at < date }
            return CustomerInsights().churnScores(snapshot, now: date, locale: locale)
        }
        let now = scores(at: week.end)
        let before = scores(at: week.previous.end)
        var insights = WeeklyReport.Insights()
        insights.customers = now.count
        for customer in now { insights.segments[customer.segment.rawValue, default: 0] += 1 }
        for customer in before { insights.previousSegments[customer.segment.rawValue, default: 0] += 1 }
        insights.atRisk = now.filter { $0.churn.band >= .high }.count
        insights.previousAtRisk = before.filter { $0.churn.band >= .high }.count
        let pending = try await InsightsService(dependencies: dependencies, tenantID: tenantID).recomputedPending(data, at: week.end, locale: locale)
        insights.pendingRecommendations = pending.count
        insights.topRecommendations = pending.sorted { $0.priority.rank < $1.priority.rank }.prefix(3).map { recommendation in
            [
                "contact": .string(recommendation.contactEmail ?? recommendation.contactID), "action": .string(recommendation.action.rawValue),
                "channel": .string(recommendation.channel.rawValue), "priority": .string(recommendation.priority.rawValue),
                "reason": .string(recommendation.reason),
            ]
        }
        return insights
    }

    /// Paused flows, failed messages, a flow whose revenue fell by half or more, and the model budget.
    func alerts(
        lines: [WeeklyReport.FlowLine], summaries: [FlowSummary], week: ReportWeek, currency: String, language: ContentLanguage
    ) async throws -> [WeeklyReport.Alert] {
        let french = language == .french
        var alerts: [WeeklyReport.Alert] = []
        for summary in summaries.sorted(by: { $0.id < $1.id }) {
            guard let reason = summary.pausedReason else { continue }
            alerts.append(
                .init(
                    kind: "flow_paused", severity: "critical", flow: summary.id,
                    message: french ? "Le flow \(summary.name) est en pause (\(reason))." : "Flow \(summary.name) is paused (\(reason))."))
        }
        for line in lines where line.current.failed > 0 {
            let attempted = line.current.sent + line.current.failed
            let severity = line.current.failed * 10 >= attempted ? "critical" : "warning"
            alerts.append(
                .init(
                    kind: "failed_messages", severity: severity, flow: line.flow,
                    message: french
                        ? "\(line.current.failed) message(s) en échec sur \(attempted) dans le flow \(line.name)."
                        : "\(line.current.failed) of \(attempted) messages failed in flow \(line.name)."))
        }
        for line in lines where line.previous.revenue > 0 && line.current.revenue <= line.previous.revenue / 2 {
            let before = ReportMoney.text(line.previous.revenue, currency)
            let now = ReportMoney.text(line.current.revenue, currency)
            alerts.append(
                .init(
                    kind: "revenue_drop", severity: "warning", flow: line.flow,
                    message: french
                        ? "Le chiffre d'affaires attribué au flow \(line.name) passe de \(before) à \(now)."
                        : "Revenue attributed to flow \(line.name) fell from \(before) to \(now)."))
        }
        if let budget = monthlyBudgetUSD ?? dependencies.ai.gateway.configuration.budget.limit(for: tenantID), budget > 0 {
            let parts = ReportWeek.calendar.dateComponents([.year, .month], from: week.end.addingTimeInterval(-1))
            let monthStart = ReportWeek.calendar.date(from: parts) ?? week.start
            let spent = try await dependencies.store.llmSpend(tenantID: tenantID, from: monthStart, to: week.end)
            let share = spent / budget
            if share >= 0.8 {
                let exceeded = share >= 1
                let text = String(format: "%.2f $ / %.2f $ (%.0f %%)", spent, budget, share * 100)
                alerts.append(
                    .init(
                        kind: exceeded ? "budget_exceeded" : "budget_warning", severity: exceeded ? "critical" : "warning", flow: nil,
                        message: french ? "Budget des modèles ce mois-ci : \(text)." : "Model budget this month: \(text)."))
            }
        }
        return alerts
    }
}
