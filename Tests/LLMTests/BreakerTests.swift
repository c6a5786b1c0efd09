import Foundation
import LLM
import Testing

@Suite("Circuit breaker per provider")
struct BreakerTests {
    @Test func opensAfterConsecutiveFailuresHalfOpensAfterTheCooldownAndClosesOnASuccessfulProbe() async throws {
        let a = ScriptedProvider(
            "a",
            [
                .fail(.server, status: 500), .fail(.server, status: 500), .fail(.server, status: 500),
                .fail(.connection), .answer("a is back"),
            ])
        let b = ScriptedProvider("b", [.answer("from b")])
        let harness = ChainHarness(
            [a, b], breaker: BreakerPolicy(failureThreshold: 3, cooldown: .seconds(30)),
            retry: RetryPolicy(maxAttemptsPerProvider: 1))
        let gateway = harness.gateway
        for _ in 0..<3 { #expect(try await gateway.complete(Fixtures.request()).provider == "b") }
        #expect(a.calls == 3)
        #expect(gateway.breakerState(of: "a") == .open)

        #expect(try await gateway.complete(Fixtures.request()).provider == "b")
        #expect(a.calls == 3, "an open breaker costs nothing")

        harness.clock.advance(by: .seconds(31))
        #expect(gateway.breakerState(of: "a") == .halfOpen)
        #expect(try await gateway.complete(Fixtures.request()).provider == "b")
        #expect(a.calls == 4, "one probe")
        #expect(gateway.breakerState(of: "a") == .open, "a failed probe reopens")

        harness.clock.advance(by: .seconds(31))
        let response = try await gateway.complete(Fixtures.request())
        #expect(response.provider == "a")
        #expect(gateway.breakerState(of: "a") == .closed)
    }

    @Test func halfOpenLetsOnlyOneProbeThrough() {
        let breaker = CircuitBreaker(policy: BreakerPolicy(failureThreshold: 1, cooldown: .seconds(10)))
        breaker.recordFailure(at: Fixtures.now)
        #expect(breaker.permit(at: Fixtures.now.addingTimeInterval(5)) == .rejected)
        let later = Fixtures.now.addingTimeInterval(11)
        #expect(breaker.permit(at: later) == .probe)
        #expect(breaker.permit(at: later) == .rejected)
        breaker.recordSuccess()
        #expect(breaker.permit(at: later) == .allowed)
        #expect(breaker.state(at: later) == .closed)
    }

    @Test func successesResetTheCount() {
        let breaker = CircuitBreaker(policy: BreakerPolicy(failureThreshold: 2, cooldown: .seconds(10)))
        breaker.recordFailure(at: Fixtures.now)
        breaker.recordSuccess()
        breaker.recordFailure(at: Fixtures.now)
        #expect(breaker.state(at: Fixtures.now) == .closed)
        breaker.recordFailure(at: Fixtures.now)
        #expect(breaker.state(at: Fixtures.now) == .open)
    }
}
