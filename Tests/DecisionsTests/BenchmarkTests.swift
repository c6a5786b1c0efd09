import AutopilotCore
import Decisions
import Foundation
import Testing

@Suite("Benchmark harness")
struct BenchmarkTests {
    @Test("synthetic histories are deterministic and of the requested size")
    func deterministicInput() {
        let first = SyntheticHistories.make(count: 300, messagesPerContact: 10, seed: 9, now: DecisionsBenchmark.referenceNow)
        let second = SyntheticHistories.make(count: 300, messagesPerContact: 10, seed: 9, now: DecisionsBenchmark.referenceNow)
        #expect(first == second)
        #expect(first.reduce(0) { $0 + $1.messages.count } == 3_000)
        #expect(first != SyntheticHistories.make(count: 300, messagesPerContact: 10, seed: 10, now: DecisionsBenchmark.referenceNow))
    }

    @Test("a small run counts what it produced, every rule fires, and the result encodes")
    func smallRun() throws {
        var tick = Duration.zero
        let result = DecisionsBenchmark.recommendations(contacts: 5_000, messagesPerContact: 10, seed: 4) {
            tick += .milliseconds(250)
            return tick
        }
        #expect(result.contacts == 5_000)
        #expect(result.messages == 50_000)
        #expect(result.seconds == 0.25)
        let perRule = RecommendationRule.allCases.map { result.details["rule." + $0.rawValue] ?? 0 }
        #expect(perRule.allSatisfy { $0 > 0 })
        #expect(Int(perRule.reduce(0, +)) == result.recommendations)
        let data = try JSONEncoder().encode(result)
        #expect(try JSONDecoder().decode(DecisionsBenchmarkResult.self, from: data) == result)
    }

    @Test("sizes of zero or less give an empty run, not a crash")
    func emptyRun() {
        let result = DecisionsBenchmark.recommendations(contacts: -3, messagesPerContact: -1, seed: 1)
        #expect(result.contacts == 0)
        #expect(result.recommendations == 0)
    }
}
