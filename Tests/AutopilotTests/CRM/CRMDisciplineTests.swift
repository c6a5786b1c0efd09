import AutopilotCore
import Foundation
import Integrations
import Testing

/// The pure pieces of the CRM discipline: the token bucket (190 burst, 100 per 10 s), the backoff (1 s to 30 s, 500 ms
/// jitter, 5 attempts, Retry-After honoured) and how answers are classified.
@Suite("CRM discipline")
struct CRMDisciplineTests {
    static let t0 = Fixtures.date("2026-03-10T12:00:00Z")

    @Test func theBucketLetsABurstOf190ThroughThenTenPerSecond() {
        var bucket = TokenBucket(capacity: 190, refill: 100, per: 10)
        for _ in 0..<190 { #expect(bucket.take(now: Self.t0) == 0) }
        let wait = bucket.take(now: Self.t0)
        #expect(abs(wait - 0.1) < 1e-9)
        #expect(bucket.take(now: Self.t0.addingTimeInterval(0.1)) == 0)
        #expect(bucket.take(now: Self.t0.addingTimeInterval(0.1)) > 0)
    }

    @Test(arguments: [
        (idle: 1.0, expected: 10), (idle: 5.0, expected: 50), (idle: 10.0, expected: 100), (idle: 19.0, expected: 190),
        (idle: 3_600.0, expected: 190),
    ])
    func theBucketRefillsAtTheRateUpToItsBurst(idle: Double, expected: Int) {
        var bucket = TokenBucket(capacity: 190, refill: 100, per: 10)
        for _ in 0..<190 { _ = bucket.take(now: Self.t0) }
        let later = Self.t0.addingTimeInterval(idle)
        var taken = 0
        while bucket.take(now: later) == 0 && taken < 1_000 { taken += 1 }
        #expect(taken == expected)
    }

    @Test func aClockGoingBackwardsGivesNoTokens() {
        var bucket = TokenBucket(capacity: 1, refill: 1, per: 1)
        #expect(bucket.take(now: Self.t0) == 0)
        #expect(bucket.take(now: Self.t0.addingTimeInterval(-60)) > 0)
        #expect(bucket.tokens >= 0)
    }

    @Test(arguments: [(1, 1.0), (2, 2.0), (3, 4.0), (4, 8.0), (5, 16.0), (6, 30.0), (40, 30.0)])
    func backoffDoublesFromOneSecondUpToThirty(attempt: Int, seconds: Double) {
        let policy = CRMRetryPolicy()
        #expect(policy.delay(afterAttempt: attempt, unit: 0) == seconds)
        #expect(policy.delay(afterAttempt: attempt, unit: 1) == seconds + 0.5)
    }

    @Test func retryAfterIsAFloorAndJitterStaysWithinHalfASecond() {
        let policy = CRMRetryPolicy()
        #expect(policy.delay(afterAttempt: 1, retryAfter: 12, unit: 0.3) == 12)
        #expect(policy.delay(afterAttempt: 5, retryAfter: 2, unit: 0.5) == 16.25)
        #expect(policy.delay(afterAttempt: 1, unit: .nan) == 1)
        #expect(policy.delay(afterAttempt: 1, unit: 7) == 1.5)
        #expect(!policy.isExhausted(afterAttempt: 4) && policy.isExhausted(afterAttempt: 5))
    }

    @Test(arguments: [
        ("7", 7.0), (" 0 ", 0.0), ("Tue, 10 Mar 2026 12:00:30 GMT", 30.0), ("Tue, 10 Mar 2026 11:00:00 GMT", 0.0),
    ])
    func retryAfterReadsSecondsAndDates(header: String, seconds: Double) {
        #expect(RetryAfterHeader.seconds(header, now: Self.t0) == seconds)
    }

    @Test(arguments: ["soon", "-3", ""])
    func aRetryAfterThatIsNeitherFormIsIgnored(header: String) {
        #expect(RetryAfterHeader.seconds(header, now: Self.t0) == nil)
    }

    @Test(arguments: [
        (200, CRMAnswer.accepted), (207, .accepted), (429, .unavailable(retryAfter: nil)), (503, .unavailable(retryAfter: nil)),
        (500, .refused(retryAfter: nil)), (400, .refused(retryAfter: nil)), (401, .refused(retryAfter: nil)),
    ])
    func answersAreClassified(status: Int, answer: CRMAnswer) {
        #expect(CRMAnswer.classify(status: status, retryAfter: nil) == answer)
    }

    @Test(
        arguments: [
            (429, [("Retry-After", "3")], 3.0), (429, [("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")], 10.0),
            (429, [("x-ratelimit-reset", "2")], 2.0), (429, [("X-HubSpot-RateLimit-Interval-Milliseconds", "10000"), ("Retry-After", "1")], 1.0),
            (500, [("X-HubSpot-RateLimit-Interval-Milliseconds", "10000")], nil), (429, [], nil),
        ] as [(Int, [(String, String)], Double?)])
    func rateLimitHeadersSayHowLongToWait(status: Int, headers: [(String, String)], seconds: Double?) {
        #expect(CRMRateLimitHeaders.wait(status: status, headers: headers.map { (name: $0.0, value: $0.1) }, now: Self.t0) == seconds)
    }
}
