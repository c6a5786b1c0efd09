import AutopilotCore
import Content
import Foundation
import LLM
import Storage

/// Builds the weekly report of one tenant: flow numbers for the week and the one before (`FlowAnalytics`), ROI lines
/// (message prices, model costs from `llm_calls`), customer insights at the end of each week, pending recommendations,
/// alerts; then the prose through the gateway (feature `weekly_report`, JSON Schema), recorded in `generated_texts`
/// (subject `report:weekly:WEEK_ENDING`).
public struct WeeklyReporter: Sendable {
    /// The feature label in accounting and offline templates.
    public static let feature = "weekly_report"

    public let dependencies: Dependencies
    public let tenantID: String
    public var prices: MessagePrices
    /// The tenant's monthly model budget in US dollars, for budget alerts; nil: the gateway's limit for the tenant
    /// (`AUTOPILOT_LLM_MONTHLY_BUDGET` and per-tenant budgets, see docs/llm.md).
    public var monthlyBudgetUSD: Double?

    public init(dependencies: Dependencies, tenantID: String, prices: MessagePrices = MessagePrices(), monthlyBudgetUSD: Double? = nil) {
        self.dependencies = dependencies
        self.tenantID = tenantID
        self.prices = prices
        self.monthlyBudgetUSD = monthlyBudgetUSD
    }

    /// The report for `week` (default: the last full week before the clock's now), prose in `language`.
    public func report(week: ReportWeek? = nil, language: ContentLanguage = .french) async throws -> WeeklyReport {
        let week = week ?? ReportWeek(lastCompletedBefore: dependencies.clock.now())
        let analytics = FlowAnalytics(store: dependencies.store, tenantID: tenantID)
        let current = try await analytics.stats(from: week.start, until: week.end)
        let previous = try await analytics.stats(from: week.previous.start, until: week.previous.end)
        let currency = prices.currency ?? Self.mainCurrency(current + previous)
        let flows = try await FlowAdministration(dependencies: dependencies, tenantID: tenantID).list()
        let summaries = Dictionary(flows.map { ($0.id, $0) }) { first, _ in first }
        let calls = try await dependencies.store.llmCalls(tenantID: tenantID, from: week.start, to: week.end)

        let previousByFlow = Dictionary(previous.map { ($0.flow, $0) }) { a, _ in a }
        var lines: [WeeklyReport.FlowLine] = []
        for stats in current {
            let now = FlowWeekNumbers(stats, currency: currency)
            let before = previousByFlow[stats.flow].map { FlowWeekNumbers($0, currency: currency) } ?? FlowWeekNumbers()
            let summary = summaries[stats.flow]
            guard now != FlowWeekNumbers() || before != FlowWeekNumbers() || summary?.live == true else { continue }
            let state = summary.map { $0.pausedReason != nil ? "paused" : ($0.enabled ? "live" : "off") } ?? "removed"
            let messageCost = now.sentByChannel.reduce(0) { $0 + Double($1.value) * prices.price(channel: $1.key) }
            lines.append(
                WeeklyReport.FlowLine(
                    flow: stats.flow, name: stats.name ?? summary?.name ?? stats.flow, state: state, current: now, previous: before,
                    roi: FlowROI(revenue: now.revenue, messageCost: messageCost, modelCost: 0)))
        }
        let otherModelCosts = allocateModelCosts(calls, to: &lines)
        var total = WeeklyReport.FlowLine(
            flow: "total", name: "Total", state: "", current: FlowWeekNumbers(), previous: FlowWeekNumbers(),
            roi: FlowROI(revenue: 0, messageCost: 0, modelCost: 0))
        for line in lines {
            total.current.add(line.current)
            total.previous.add(line.previous)
            total.roi.revenue += line.roi.revenue
            total.roi.messageCost += line.roi.messageCost
            total.roi.modelCost += line.roi.modelCost
        }
        total.roi.modelCost += otherModelCosts.values.reduce(0, +)

        let insights = try await self.insights(week: week, language: language)
        let alerts = try await self.alerts(lines: lines, summaries: Array(summaries.values), week: week, currency: currency, language: language)
        var report = WeeklyReport(
            tenantID: tenantID, week: week, language: language, currency: currency, flows: lines, total: total, otherModelCosts: otherModelCosts,
            insights: insights, alerts: alerts, prose: .init(executiveSummary: "", insights: [], recommendations: []), provider: "", model: "")
        try await write(&report)
        return report
    }

    /// Personalised-copy calls are shared among flows by their sent messages; other features' costs are listed apart.
    private func allocateModelCosts(_ calls: [LLMCallRecord], to lines: inout [WeeklyReport.FlowLine]) -> [String: Double] {
        var byFeature: [String: Double] = [:]
        for call in calls where call.costUSD.isFinite && call.costUSD > 0 { byFeature[call.feature, default: 0] += call.costUSD * prices.usdRate }
        let copyCost = byFeature.removeValue(forKey: CopyPersonaliser.feature) ?? 0
        let sent = lines.reduce(0) { $0 + $1.current.sent }
        if copyCost > 0 && sent > 0 {
            for index in lines.indices { lines[index].roi.modelCost = copyCost * Double(lines[index].current.sent) / Double(sent) }
        } else if copyCost > 0 {
            byFeature[CopyPersonaliser.feature] = copyCost
        }
        return byFeature
    }

    static func mainCurrency(_ stats: [FlowStats]) -> String {
        var totals: [String: Double] = [:]
        for flow in stats { for (code, amount) in flow.attributed.revenue where !code.isEmpty { totals[code, default: 0] += amount } }
        return totals.max { $0.value == $1.value ? $0.key > $1.key : $0.value < $1.value }?.key ?? "EUR"
    }

    private func write(_ report: inout WeeklyReport) async throws {
        let document = JSONValue.object(report.numbersDocument)
        let digest = WeeklyReportProse.digest(of: document)
        if let kept = try await keptProse(digest: digest, week: report.week, language: report.language) {
            report.prose = kept.prose
            report.provider = kept.provider
            report.model = kept.model
            return
        }
        let response = try await dependencies.ai.gateway.complete(
            LLMRequest(
                system: WeeklyReportPrompt.system(report.language), messages: [.user(document.jsonString)],
                structuredOutput: StructuredOutput(name: Self.feature, schema: WeeklyReportPrompt.answerSchema, strict: true), temperature: 0.3,
                maxTokens: 2_000,
                feature: Self.feature, tenant: tenantID))
        let value = response.json ?? (try? JSONValue.parseAnswer(response.text))
        let offline = WeeklyReportOffline.prose(document)
        report.prose = WeeklyReport.Prose(
            executiveSummary: value?["executive_summary"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 } ?? offline.executiveSummary,
            insights: value?["insights"]?.arrayValue?.compactMap(\.stringValue) ?? offline.insights,
            recommendations: value?["recommendations"]?.arrayValue?.compactMap(\.stringValue) ?? offline.recommendations)
        report.provider = response.provider
        report.model = response.model
        report.offlineReason = response.offlineReason
        if response.offlineReason == nil, value != nil {
            try await keep(
                WeeklyReportProse(digest: digest, prose: report.prose, provider: response.provider, model: response.model), week: report.week,
                language: report.language)
        }
        var details: JSONObject = ["week_ending": .string(report.week.weekEnding), "currency": .string(report.currency)]
        details["offline_reason"] = response.offlineReason.map(JSONValue.string)
        try await dependencies.store.recordGeneratedText(
            GeneratedTextRecord(
                tenantID: tenantID, subject: "report:weekly:\(report.week.weekEnding)", feature: Self.feature, provider: response.provider,
                model: response.model, prompt: "weekly report \(report.week.firstDay)..\(report.week.weekEnding)", details: details,
                createdAt: dependencies.clock.now()))
    }
}
