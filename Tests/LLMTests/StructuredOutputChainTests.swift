import AutopilotCore
import Foundation
import LLM
import Testing

@Suite("Structured output: schema check, one repair, then failover")
struct StructuredOutputChainTests {
    static let invalid = #"{"subject":"Hi","body":"x","tone":"angry","score":12}"#

    @Test func aValidAnswerIsParsed() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.answer("```json\n\(Fixtures.validAnswer.jsonString)\n```")])])
        let response = try await harness.gateway.complete(Fixtures.request(structured: true))
        #expect(response.json == Fixtures.validAnswer)
        #expect(response.text == Fixtures.validAnswer.jsonString)
    }

    @Test func oneRepairAttemptGoesBackToTheSameProvider() async throws {
        let a = ScriptedProvider("a", [.answer(Self.invalid), .answer(Fixtures.validAnswer.jsonString)])
        let harness = ChainHarness([a])
        let response = try await harness.gateway.complete(Fixtures.request(structured: true))
        #expect(response.provider == "a")
        #expect(response.json == Fixtures.validAnswer)
        #expect(a.calls == 2)
        let repair = try #require(a.requests.last)
        #expect(repair.messages.count == 3)
        #expect(repair.messages[1] == .assistant(Self.invalid))
        #expect(repair.messages[2].content.contains("$.tone: must be one of"))
        #expect(repair.messages[2].content.contains("$.score: above the maximum 10"))
        #expect(repair.messages[2].content.contains("$.subject: shorter than 3 characters"))
    }

    @Test func aSecondInvalidAnswerMovesToTheNextProvider() async throws {
        let a = ScriptedProvider("a", [.answer(Self.invalid), .answer("not json at all")])
        let b = ScriptedProvider("b", [.answer(Fixtures.validAnswer.jsonString)])
        let harness = ChainHarness([a, b])
        let response = try await harness.gateway.complete(Fixtures.request(structured: true))
        #expect(response.provider == "b")
        #expect(response.json == Fixtures.validAnswer)
        #expect(a.calls == 2)
        #expect(response.failures.map(\.code) == [.schemaViolation, .schemaViolation])
    }

    @Test func whenNoProviderSatisfiesTheSchemaTheOfflineValueDoes() async throws {
        let harness = ChainHarness([ScriptedProvider("a", [.answer("{}")])])
        let response = try await harness.gateway.complete(Fixtures.request(structured: true))
        #expect(response.provider == "offline")
        let value = try #require(response.json)
        #expect(JSONSchemaValidator.violations(of: value, against: Fixtures.schema).isEmpty)
    }
}
