import AutopilotCore
import Content
import Engine
import Foundation
import LLM
import Storage
import Testing

/// The weekly report on the flow scenario (docs/flows.md): Amina and Bob abandon carts on 3 March 2026; Amina clicks the
/// reminder and orders 30 € on the 6th, opens the coupon and orders 50 € an hour later (both attributed), and orders
/// 70 € on the 14th (not attributed). Model calls are seeded in `llm_calls`.
@Suite("Reports — weekly report on a seeded SQLite database")
struct WeeklyReportTests {
    static let prices = MessagePrices(email: 0.01, sms: 0.1, whatsapp: 0.05, currency: nil, usdRate: 0.9)

    static func seed(_ store: SQLStore) async throws -> (tenantID: String, dependencies: Dependencies) {
        let clock = ManualClock(FlowScenario.start)
        let dependencies = Dependencies(store: store, clock: clock, ids: SeededIDGenerator(seed: 7))
        let tenantID = try await TenantService(dependencies: dependencies).create(name: "shop").tenantID
        let simulator = FlowSimulator(worker: try TestWorker.make(dependencies), clock: clock)
        _ = try await simulator.run(events: FlowScenario.events, tenantID: tenantID, until: Fixtures.date("2026-03-04T09:00:00Z"))
        let messages = try await FlowQueries(store: store).messages(tenantID: tenantID)
        let reminder = try #require(messages.first { $0.template == "abandoned-cart-reminder" && $0.contact == "amina@example.fr" })
        _ = try await simulator.run(
            events: [
                FlowStatsTests.touch("message.clicked", message: reminder, at: "2026-03-04T10:00:00Z"),
                FlowStatsTests.order("O-2", at: "2026-03-06T08:00:00Z", total: 30),
            ],
            tenantID: tenantID, until: Fixtures.date("2026-03-07T00:00:00Z"))
        let coupon = try #require(
            try await FlowQueries(store: store).messages(tenantID: tenantID).first {
                $0.template == "abandoned-cart-coupon" && $0.contact == "amina@example.fr"
            })
        let couponSent = try #require(coupon.sentAt.flatMap(Timestamp.parse))
        _ = try await simulator.run(
            events: [
                FlowStatsTests.touch("message.opened", message: coupon, at: Timestamp.format(couponSent.addingTimeInterval(1_800))),
                FlowStatsTests.order("O-3", at: Timestamp.format(couponSent.addingTimeInterval(3_600)), total: 50),
                FlowStatsTests.order("O-4", at: "2026-03-14T10:00:00Z", total: 70),
            ],
            tenantID: tenantID, until: Fixtures.date("2026-03-15T00:00:00Z"))
        for (feature, cost, at) in [
            ("personalised_copy", 0.40, "2026-03-05T10:00:00Z"), ("blog_article", 0.10, "2026-03-06T10:00:00Z"),
            ("personalised_copy", 5.00, "2026-03-10T10:00:00Z"),
        ] {
            try await store.recordLLMCall(
                LLMCallRecord(
                    tenantID: tenantID, feature: feature, provider: "openai", model: "gpt-5.2", inputTokens: 100, outputTokens: 100, costUSD: cost,
                    latencyMilliseconds: 10, outcome: "ok", httpStatus: 200, calledAt: Fixtures.date(at)))
        }
        return (tenantID, dependencies)
    }

    @Test func numbersComeFromTheDatabaseAgainstThePreviousWeek() async throws {
        try await TestDatabases.withSQLite { try await Self.checkNumbers(store: $0) }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, TestDatabases.skipMessage))
    func numbersOnPostgreSQL() async throws {
        try await TestDatabases.withPostgres { try await Self.checkNumbers(store: $0) }
    }

    @Test func aPausedFlowIsAnAlert() async throws {
        try await TestDatabases.withSQLite { store in
            let (tenantID, dependencies) = try await Self.seed(store)
            try await store.pauseFlow(
                tenantID: tenantID, flowID: "welcome", version: 1, reason: "failure_rate", at: Fixtures.date("2026-03-05T00:00:00Z"))
            // No budget given: the gateway's (AUTOPILOT_LLM_MONTHLY_BUDGET) applies; 0.50 $ of 0.60 $ spent is 83 %.
            var budgeted = dependencies
            budgeted.ai = try AIServices.fromEnvironment(["AUTOPILOT_LLM_MONTHLY_BUDGET": "0.6"], store: store, clock: dependencies.clock)
            let report = try await WeeklyReporter(dependencies: budgeted, tenantID: tenantID, prices: Self.prices)
                .report(week: try ReportWeek(ending: "2026-03-08"), language: .french)
            #expect(report.alerts.contains { $0.kind == "budget_warning" && $0.severity == "warning" && $0.message.contains("0.50 $ / 0.60 $") })
            let alert = try #require(report.alerts.first { $0.kind == "flow_paused" })
            #expect(alert.flow == "welcome" && alert.severity == "critical" && alert.message.contains("failure_rate"))
            #expect(report.flows.first { $0.flow == "welcome" }?.state == "paused")
            #expect(report.prose.recommendations.first?.hasPrefix("Vérifier puis relancer le flow") == true)
        }
    }

    static func checkNumbers(store: SQLStore) async throws {
        do {
            let (tenantID, dependencies) = try await Self.seed(store)
            let reporter = WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: Self.prices, monthlyBudgetUSD: 0.5)
            let week = try ReportWeek(ending: "2026-03-08")
            let report = try await reporter.report(week: week, language: .english)

            #expect(report.currency == "EUR")
            let cart = try #require(report.flows.first { $0.flow == "abandoned-cart" })
            let stats = try await FlowAnalytics(store: store, tenantID: tenantID).stats(flowID: "abandoned-cart", from: week.start, until: week.end)
            #expect(cart.current.runsStarted == 2 && cart.current.sent == stats.messages.sent && cart.current.sent > 0)
            #expect(cart.current.clicked == 1 && cart.current.opened == 2)
            #expect(cart.current.attributedOrders == 2 && cart.current.revenue == 80)
            #expect(cart.previous == FlowWeekNumbers())
            // ROI: sent messages by channel at the configured prices; the week's personalised copy (0.40 $ × 0.9) shared
            // among flows by sent messages; the blog article apart.
            let expectedMessageCost = stats.steps.reduce(0.0) { $0 + Double($1.messages.sent) * Self.prices.price(channel: $1.channel ?? "") }
            #expect(abs(cart.roi.messageCost - expectedMessageCost) < 1e-9 && expectedMessageCost > 0)
            let sentEverywhere = report.flows.reduce(0) { $0 + $1.current.sent }
            #expect(abs(cart.roi.modelCost - 0.36 * Double(cart.current.sent) / Double(sentEverywhere)) < 1e-9)
            #expect(abs((report.otherModelCosts["blog_article"] ?? 0) - 0.09) < 1e-9)
            #expect(abs(report.total.roi.modelCost - 0.45) < 1e-9)
            #expect(cart.roi.ratio.map { abs($0 - 80 / (cart.roi.messageCost + cart.roi.modelCost)) < 1e-9 } == true)
            #expect(report.total.current.revenue == 80 && report.total.current.attributedOrders == 2)

            // The customers at the end of each week: nobody had ordered by 1 March; Amina and Bob had by 8 March.
            #expect(report.insights.customers == 2 && report.insights.segments.values.reduce(0, +) == 2)
            #expect(report.insights.previousSegments.values.reduce(0, +) == 0)
            // 0.40 + 0.10 $ spent in March by the end of the week: the 0.50 $ budget is reached.
            #expect(report.alerts.contains { $0.kind == "budget_exceeded" && $0.severity == "critical" })

            // The next week: the cart flow sent nothing new and its revenue fell from 80 € to 0.
            let next = try await reporter.report(week: try ReportWeek(ending: "2026-03-15"), language: .english)
            let later = try #require(next.flows.first { $0.flow == "abandoned-cart" })
            #expect(later.previous == cart.current && later.current.revenue == 0)
            #expect(next.alerts.contains { $0.kind == "revenue_drop" && $0.flow == "abandoned-cart" })
            let json = next.jsonObject
            let line = try #require(json["flows"]?.arrayValue?.first { $0["flow"] == "abandoned-cart" })
            #expect(line["change"]?["revenue"] == -80.0 && line["previous"]?["revenue"] == 80.0)
            #expect(json["other_model_costs"] == [:] && json["week"]?["week_ending"] == "2026-03-15")
        }
    }

    @Test func offlineProseIsTemplatedFromTheNumbersAndDeterministic() async throws {
        try await TestDatabases.withSQLite { store in
            let (tenantID, dependencies) = try await Self.seed(store)
            let reporter = WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: Self.prices)
            let week = try ReportWeek(ending: "2026-03-08")
            let first = try await reporter.report(week: week, language: .english)
            let second = try await reporter.report(week: week, language: .english)
            #expect(first.prose == second.prose)
            #expect(first.provider == "offline" && first.model == OfflineProvider.model && first.offlineReason == "no_provider_configured")
            let summary = first.prose.executiveSummary
            #expect(summary.hasPrefix("Week of 2026-03-02 to 2026-03-08: \(first.total.current.sent) messages sent"))
            #expect(summary.contains("2 attributed orders worth 80.00 EUR (+80.00)"))
            #expect(first.prose.insights.first == "Abandoned cart brought the most revenue: 80.00 EUR from 2 order(s).")
            #expect(!first.prose.recommendations.isEmpty)
            let french = try await reporter.report(week: week, language: .french)
            #expect(french.prose.executiveSummary.hasPrefix("Semaine du 2026-03-02 au 2026-03-08"))
            let json = first.jsonObject
            #expect(json["provider"] == "offline" && json["summary"]?["executive_summary"] == .string(summary))
            #expect(first.text.contains("Executive summary") && first.text.contains("abandoned-cart") && first.text.contains("ROI per flow (EUR)"))
            let written = try #require(try await store.generatedText(subject: "report:weekly:2026-03-08", tenantID: tenantID))
            #expect(written.feature == WeeklyReporter.feature && written.provider == "offline")
        }
    }

    @Test func weeksAreSevenUTCDays() throws {
        let week = try ReportWeek(ending: "2026-03-15")
        #expect(week.start == Fixtures.date("2026-03-09T00:00:00Z") && week.end == Fixtures.date("2026-03-16T00:00:00Z"))
        #expect(week.firstDay == "2026-03-09" && week.previous.weekEnding == "2026-03-08" && week.previous.firstDay == "2026-03-02")
        #expect(ReportWeek(lastCompletedBefore: Fixtures.date("2026-03-16T08:30:00Z")) == week)
        for bad in ["2026-02-30", "15/03/2026", "2026-3-1", ""] {
            let error = try #require(throws: ValidationError.self) { try ReportWeek(ending: bad) }
            #expect(error.field == "week_ending")
        }
    }

    @Test func pricesComeFromTheEnvironment() throws {
        let prices = try MessagePrices.fromEnvironment(["AUTOPILOT_MESSAGE_COST_SMS": "0.07", "AUTOPILOT_REPORT_CURRENCY": "usd"])
        #expect(prices.sms == 0.07 && prices.email == MessagePrices.defaultEmail && prices.currency == "USD" && prices.usdRate == 1)
        let error = try #require(throws: ValidationError.self) { try MessagePrices.fromEnvironment(["AUTOPILOT_MESSAGE_COST_EMAIL": "-1"]) }
        #expect(error.field == "AUTOPILOT_MESSAGE_COST_EMAIL")
    }
}
