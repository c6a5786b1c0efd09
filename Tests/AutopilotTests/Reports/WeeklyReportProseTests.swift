import AutopilotCore
import Content
import Engine
import Foundation
import LLM
import Storage
import Testing

/// The weekly report's prose is written once per set of numbers: viewing the same report again (the dashboard's Reports
/// page on every visit) asks the model nothing more; new numbers get new prose.
@Suite("Reports — the model writes the weekly prose once per set of numbers")
struct WeeklyReportProseTests {
    static func answer(_ body: JSONValue) -> String {
        let numbers = body["messages"]?.arrayValue?.last?["content"]?.stringValue ?? ""
        let parsed = (try? JSONParser.parse(Array(numbers.utf8))) ?? .null
        let sent = parsed["total"]?["current"]?["sent"]?.intValue ?? -1
        let answer: JSONValue = [
            "executive_summary": .string("Model summary: \(sent) messages sent."), "insights": ["A model insight."],
            "recommendations": ["A model recommendation."],
        ]
        return answer.jsonString
    }

    @Test func aSecondViewOfTheSameNumbersAsksTheModelNothing() async throws {
        try await LoopbackChatServer.with(reply: Self.answer) { server in
            try await TestDatabases.withSQLite { store in
                let (tenantID, seeded) = try await WeeklyReportTests.seed(store)
                var dependencies = seeded
                dependencies.ai = try AIServices.fromEnvironment(
                    ["AUTOPILOT_LLM_BASE_URL": server.baseURL + "/v1", "AUTOPILOT_LLM_MODEL": "local-writer"], store: store, clock: dependencies.clock)
                let reporter = WeeklyReporter(dependencies: dependencies, tenantID: tenantID, prices: WeeklyReportTests.prices)
                let week = try ReportWeek(ending: "2026-03-08")

                let first = try await reporter.report(week: week, language: .english)
                #expect(first.prose.executiveSummary.hasPrefix("Model summary"))
                #expect(first.provider == "compatible" && first.offlineReason == nil)
                #expect(server.requests.count == 1)

                let second = try await reporter.report(week: week, language: .english)
                #expect(second.prose == first.prose && second.provider == first.provider && second.model == first.model)
                #expect(server.requests.count == 1, "the same numbers: the kept prose, no second call")

                let french = try await reporter.report(week: week, language: .french)
                #expect(french.prose.executiveSummary.hasPrefix("Model summary"))
                #expect(server.requests.count == 2, "another language is another text")

                // Another model call in the week changes the numbers (its cost): the prose is written again from them.
                try await store.recordLLMCall(
                    LLMCallRecord(
                        tenantID: tenantID, feature: "blog_article", provider: "openai", model: "gpt-5.2", inputTokens: 100, outputTokens: 100,
                        costUSD: 0.3, latencyMilliseconds: 10, outcome: "ok", httpStatus: 200, calledAt: Fixtures.date("2026-03-05T12:00:00Z")))
                let third = try await reporter.report(week: week, language: .english)
                #expect(third.otherModelCosts != first.otherModelCosts)
                #expect(server.requests.count == 3, "new numbers, new prose")
                _ = try await reporter.report(week: week, language: .english)
                #expect(server.requests.count == 3)
            }
        }
    }
}
