import AutopilotCore
import Engine
import Foundation
import LLM
import Storage
import TestSupport
import Testing

@Suite("AI — accounting in llm_calls and the monthly budget")
struct AIAccountingTests {
    static func store() async throws -> SQLStore {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        try await store.migrate(now: Fixtures.now)
        return store
    }

    static let monthStart = Timestamp.parse("2026-03-01T00:00:00Z")!
    static let nextMonth = Timestamp.parse("2026-04-01T00:00:00Z")!

    @Test func everyCallIsRecordedWithItsTenantFeatureProviderAndModel() async throws {
        let store = try await Self.store()
        let ai = try AIServices.fromEnvironment([:], store: store, clock: ManualClock(Fixtures.now))
        #expect(ai.providerNames.isEmpty)
        let response = try await ai.gateway.complete(LLMRequest(messages: [.user("Bonjour")], feature: "weekly_report", tenant: "shop-1"))
        #expect(response.provider == "offline")
        let calls = try await store.llmCalls(tenantID: "shop-1", from: Self.monthStart, to: Self.nextMonth)
        let call = try #require(calls.first)
        #expect(calls.count == 1)
        #expect(call.feature == "weekly_report" && call.provider == "offline" && call.model == OfflineProvider.model)
        #expect(call.outcome == "ok" && call.costUSD == 0 && call.calledAt == Fixtures.now)
        #expect(call.inputTokens > 0 && call.outputTokens > 0)
        #expect(try await store.llmCalls(tenantID: "shop-2", from: Self.monthStart, to: Self.nextMonth).isEmpty)
    }

    @Test func theMonthlyBudgetIsReadFromTheStore() async throws {
        let store = try await Self.store()
        // A provider is configured (nothing listens there): only the budget can keep the call from trying it.
        let environment = ["AUTOPILOT_LLM_BASE_URL": "http://127.0.0.1:9", "AUTOPILOT_LLM_MONTHLY_BUDGET": "10"]
        let ai = try AIServices.fromEnvironment(environment, store: store, clock: ManualClock(Fixtures.now))
        #expect(ai.providerNames == ["compatible"])
        func spend(_ cost: Double, at date: Date) async throws {
            try await store.recordLLMCall(
                LLMCallRecord(
                    tenantID: "shop-1", feature: "blog", provider: "openai", model: "gpt-5.2", inputTokens: 1000, outputTokens: 2000,
                    costUSD: cost, latencyMilliseconds: 900, outcome: "ok", httpStatus: 200, calledAt: date))
        }
        // Last month's spending does not count; this month's $12.50 is 125 % of $10.
        try await spend(50, at: Self.monthStart.addingTimeInterval(-1))
        try await spend(7.5, at: Self.monthStart)
        #expect(try await store.llmSpend(tenantID: "shop-1", from: Self.monthStart, to: Self.nextMonth) == 7.5)
        try await spend(5, at: Fixtures.now.addingTimeInterval(-60))
        let request = LLMRequest(messages: [.user("Résume la semaine")], feature: "weekly_report", tenant: "shop-1")
        let stopped = try await ai.gateway.complete(request)
        #expect(stopped.provider == "offline" && stopped.budget == .stopped)
        #expect(stopped.offlineReason?.hasPrefix("budget_exceeded: spent $12.50 of $10.00") == true)
        let calls = try await store.llmCalls(tenantID: "shop-1", from: Self.monthStart, to: Self.nextMonth)
        #expect(calls.map(\.provider) == ["openai", "openai", "offline"])
    }

    @Test func theTeamHearsOfTheBudgetOncePerMonthAndLevel() async throws {
        try await LoopbackServer.with(answer: { _ in (200, "ok") }) { slack in
            let store = try await Self.store()
            let clock = ManualClock(Fixtures.now)
            let environment = [
                "AUTOPILOT_LLM_BASE_URL": "http://127.0.0.1:9", "AUTOPILOT_LLM_MONTHLY_BUDGET": "10",
                "SLACK_WEBHOOK_URL": slack.baseURL + "/hooks/T1/B1/x",
                "AUTOPILOT_LLM_MAX_ATTEMPTS": "1",
            ]
            let ai = try AIServices.fromEnvironment(environment, store: store, clock: clock)
            let tenantID = try await TenantService(dependencies: Dependencies(store: store, clock: clock, ai: ai)).create(name: "Maison Lavande")
                .tenantID
            func spend(_ cost: Double) async throws {
                try await store.recordLLMCall(
                    LLMCallRecord(
                        tenantID: tenantID, feature: "blog", provider: "openai", model: "gpt-5.2", inputTokens: 1000, outputTokens: 2000,
                        costUSD: cost,
                        latencyMilliseconds: 900, outcome: "ok", httpStatus: 200, calledAt: Fixtures.now.addingTimeInterval(-60)))
            }
            let request = LLMRequest(
                messages: [.user("Bonjour")], timeout: .milliseconds(300), deadline: .seconds(2), feature: "weekly_report", tenant: tenantID)
            try await spend(10.5)
            _ = try await ai.gateway.complete(request)
            _ = try await ai.gateway.complete(request)
            try await spend(2)
            _ = try await ai.gateway.complete(request)
            _ = try await ai.gateway.complete(request)
            let posts = slack.requests.map(\.body)
            #expect(posts.count == 2, "one warning, one stop: \(posts)")
            #expect(posts.first?.contains("reached its language-model budget") == true)
            #expect(posts.last?.contains("120%") == true && posts.last?.contains("$12.50 of $10.00") == true)
            #expect(slack.requests.allSatisfy { $0.path == "/hooks/T1/B1/x" })
            // A restarted process remembers: the notices are in the store.
            let again = try AIServices.fromEnvironment(environment, store: store, clock: clock)
            _ = try await again.gateway.complete(request)
            #expect(slack.requests.count == 2)
        }
    }

    @Test func aWrongVariableIsReportedByName() {
        #expect(throws: LLMError.self) {
            _ = try AIServices.fromEnvironment(["OPENAI_API_KEY": "k", "OPENAI_BASE_URL": "ftp://x"], store: StubCallStore(), clock: SystemClock())
        }
    }
}

/// A store that keeps nothing, for configuration tests.
struct StubCallStore: LLMCallStore {
    func recordLLMCall(_ call: LLMCallRecord) async throws {}
    func llmSpend(tenantID: String, from: Date, to: Date) async throws -> Double { 0 }
    func llmCalls(tenantID: String, from: Date, to: Date) async throws -> [LLMCallRecord] { [] }
    func recordGeneratedText(_ record: GeneratedTextRecord) async throws {}
    func generatedText(subject: String, tenantID: String) async throws -> GeneratedTextRecord? { nil }
}
