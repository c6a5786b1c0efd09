import Foundation
import LLM
import Testing

@Suite("Budget and accounting")
struct BudgetAndAccountingTests {
    static func spend(_ harness: ChainHarness, tenant: String, dollars: Double) {
        harness.recorder.append(
            LLMUsageRecord(
                tenant: tenant, feature: "earlier", provider: "a", model: "model-x", inputTokens: 0, outputTokens: 0, costUSD: dollars,
                latencyMilliseconds: 0, outcome: "ok", httpStatus: 200, startedAt: Fixtures.now))
    }

    @Test func everyAttemptIsRecordedWithItsCost() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.fail(.server, status: 502)]), ScriptedProvider("b", [.answer("ok")])])
        _ = try await harness.gateway.complete(Fixtures.request(feature: "blog", tenant: "shop-9"))
        let records = harness.recorder.records
        #expect(records.map(\.provider) == ["a", "a", "b"])
        #expect(records.map(\.outcome) == ["server", "server", "ok"])
        #expect(records.map(\.httpStatus) == [502, 502, 200])
        #expect(records.allSatisfy { $0.tenant == "shop-9" && $0.feature == "blog" && $0.model == "model-x" })
        let success = try #require(records.last)
        #expect((success.inputTokens, success.outputTokens) == (1000, 500))
        #expect(abs(success.costUSD - 0.007) < 1e-12)
        #expect(records[0].costUSD == 0)
        #expect(await harness.recorder.monthlySpend(tenant: "shop-9", month: UsageMonth(containing: Fixtures.now)) == success.costUSD)
    }

    @Test func atOneHundredPercentTheCallGoesAheadWithAWarning() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.answer("ok")])], budget: BudgetPolicy(monthlyLimits: ["shop-1": 1.0]))
        Self.spend(harness, tenant: "shop-1", dollars: 1.05)
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "a")
        #expect(response.budget == .warning)
    }

    @Test func atOneHundredTwentyPercentCallsGoOfflineAndSaySo() async throws {
        let a = ScriptedProvider("a", [.answer("ok")])
        let harness = ChainHarness([a], budget: BudgetPolicy(monthlyLimits: ["shop-1": 1.0]))
        Self.spend(harness, tenant: "shop-1", dollars: 1.20)
        let response = try await harness.gateway.complete(Fixtures.request())
        #expect(response.provider == "offline")
        #expect(response.budget == .stopped)
        #expect(response.offlineReason == "budget_exceeded: spent $1.20 of $1.00 this month")
        #expect(a.calls == 0)
        #expect(harness.recorder.records.last?.provider == "offline")

        let other = try await harness.gateway.complete(Fixtures.request(tenant: "shop-2"))
        #expect(other.provider == "a")
        #expect(other.budget == .normal)
    }

    @Test func spendingLastMonthDoesNotCount() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.answer("ok")])], budget: BudgetPolicy(defaultMonthlyLimit: 1.0))
        harness.recorder.append(
            LLMUsageRecord(
                tenant: "shop-1", feature: "x", provider: "a", model: "model-x", inputTokens: 0, outputTokens: 0, costUSD: 5,
                latencyMilliseconds: 0, outcome: "ok", httpStatus: 200, startedAt: Fixtures.now.addingTimeInterval(-40 * 86_400)))
        #expect(try await harness.gateway.complete(Fixtures.request()).provider == "a")
    }

    @Test(arguments: [(0.0, BudgetStatus.normal), (0.99, .normal), (1.0, .warning), (1.19, .warning), (1.2, .stopped), (3, .stopped)])
    func budgetThresholds(_ spent: Double, _ expected: BudgetStatus) {
        #expect(BudgetPolicy(defaultMonthlyLimit: 1.0).status(tenant: "t", spent: spent) == expected)
    }

    @Test func priceTableMatchesDatedModelNamesByPrefix() throws {
        let table = try PriceTable.parse("gpt-5.2=1.5:12; local-model=0:0")
        #expect(table.cost(model: "gpt-5.2-2025-12-11", usage: TokenUsage(input: 2_000_000, output: 1_000_000)) == 15)
        #expect(table.cost(model: "unknown", usage: TokenUsage(input: 10, output: 10)) == 0)
        #expect(throws: LLMError.self) { try PriceTable.parse("gpt=abc") }
    }
}
