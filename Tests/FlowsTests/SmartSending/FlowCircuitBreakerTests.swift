import Foundation
import Testing

@testable import Flows

@Suite("Flow circuit breaker")
struct FlowCircuitBreakerTests {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// Feeds `successes` sends then `failures` failures; returns the breaker and the decision after each outcome.
    static func feed(_ breaker: inout FlowCircuitBreaker, successes: Int, failures: Int) -> [CircuitBreakerDecision] {
        var decisions: [CircuitBreakerDecision] = []
        for index in 0..<(successes + failures) {
            let outcome: SendOutcome = index < successes ? .succeeded : .failed
            decisions.append(breaker.record(outcome, at: start.addingTimeInterval(Double(index))))
        }
        return decisions
    }

    /// Over a full window of 100: 85 sent is fine, 84 pauses; fewer than 100 messages are not judged.
    @Test(arguments: [(85, 15, false), (84, 16, true), (0, 99, false), (0, 100, true), (100, 0, false), (50, 50, true)])
    func fullWindow(successes: Int, failures: Int, pauses: Bool) {
        var breaker = FlowCircuitBreaker()
        let decisions = Self.feed(&breaker, successes: successes, failures: failures)
        #expect(breaker.allowsSending == !pauses)
        if pauses, case .pause(let pause) = decisions.last {
            #expect(pause.messages == 100 && pause.successes == successes && pause.threshold == 0.85)
            #expect(pause.successRate == Double(successes) / 100)
        } else if pauses {
            Issue.record("expected the last outcome to pause, got \(String(describing: decisions.last))")
        }
    }

    @Test func rollingWindowTripsOnTheSixteenthFailure() {
        var breaker = FlowCircuitBreaker()
        var decisions = Self.feed(&breaker, successes: 300, failures: 15)
        #expect(decisions.allSatisfy { $0 == .keepSending })
        let next = breaker.record(.failed, at: Self.start.addingTimeInterval(1000))
        guard case .pause(let pause) = next else {
            Issue.record("expected a pause, got \(next)")
            return
        }
        #expect(pause.summary == "84 of 100 messages sent (84.0%), below 85.0%")
        decisions = Self.feed(&breaker, successes: 200, failures: 0)
        #expect(decisions.allSatisfy { $0 == .stayPaused(pause) })
        #expect(!breaker.allowsSending)
    }

    @Test func onlyAPersonResumes() {
        var breaker = FlowCircuitBreaker()
        _ = Self.feed(&breaker, successes: 0, failures: 100)
        #expect(!breaker.allowsSending)
        let resumedAt = Self.start.addingTimeInterval(3600)
        breaker.resume(by: "marie@shop.example", at: resumedAt)
        #expect(breaker.allowsSending)
        #expect(breaker.lastResume == FlowResume(by: "marie@shop.example", at: resumedAt))
        #expect(breaker.recentOutcomes.isEmpty)
        #expect(Self.feed(&breaker, successes: 0, failures: 99).allSatisfy { $0 == .keepSending })
        #expect(breaker.record(.failed, at: resumedAt) != .keepSending)
    }

    @Test func smallerWindowAndThresholdFromJSON() throws {
        let settings = try JSONDecoder().decode(
            FlowCircuitBreakerSettings.self, from: Data(#"{"window": 10, "minimum_success_rate": 0.5}"#.utf8)
        )
        #expect(settings.minimumMessages == 10)
        var breaker = FlowCircuitBreaker(settings: settings)
        #expect(Self.feed(&breaker, successes: 5, failures: 5).allSatisfy { $0 == .keepSending })
        #expect(breaker.record(.failed, at: Self.start) != .keepSending)
    }

    @Test(arguments: [#"{"window": 0}"#, #"{"minimum_success_rate": 1.5}"#, #"{"minimum_success_rate": -0.1}"#])
    func invalidSettingsAreRefused(json: String) {
        #expect(throws: DecodingError.self) { _ = try JSONDecoder().decode(FlowCircuitBreakerSettings.self, from: Data(json.utf8)) }
    }

    @Test func stateRoundTripsThroughJSON() throws {
        var breaker = FlowCircuitBreaker()
        _ = Self.feed(&breaker, successes: 10, failures: 100)
        let copy = try JSONDecoder().decode(FlowCircuitBreaker.self, from: try JSONEncoder().encode(breaker))
        #expect(copy == breaker)
    }
}
