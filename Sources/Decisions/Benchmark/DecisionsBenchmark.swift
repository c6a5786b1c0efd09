import Foundation
import Scoring

/// One timed run of the decision engine.
public struct DecisionsBenchmarkResult: Codable, Sendable, Hashable {
    /// What was timed.
    public var name: String
    public var contacts: Int
    /// Message events over all contacts.
    public var messages: Int
    /// Recommendations produced.
    public var recommendations: Int
    /// Wall-clock seconds of `RecommendationEngine.recommend` alone (input generation is not timed).
    public var seconds: Double
    /// The target, in seconds.
    public var targetSeconds: Double
    /// Recommendations per rule and per priority ("rule.silence", "priority.high", …).
    public var details: [String: Double]
}

/// The decision engine on deterministic synthetic histories (`autopilot bench scoring`). Target on 2 cores: 100,000
/// contacts with 1,000,000 message events in under one second.
public enum DecisionsBenchmark {
    private static let origin = ContinuousClock.now

    /// Monotonic time since an arbitrary origin; the default clock of the benchmark.
    public static func monotonicNow() -> Duration {
        ContinuousClock.now - origin
    }

    /// The moment the synthetic histories are computed at: 2026-03-01T12:00:00Z.
    public static let referenceNow = Date(timeIntervalSince1970: 1_772_366_400)

    /// Generates `contacts` histories of `messagesPerContact` messages each, then times one batch recommendation.
    public static func recommendations(
        contacts: Int = 100_000, messagesPerContact: Int = 10, seed: UInt64 = 4, locale: ScoringLocale = .french,
        now: () -> Duration = monotonicNow
    ) -> DecisionsBenchmarkResult {
        let histories = SyntheticHistories.make(count: contacts, messagesPerContact: messagesPerContact, seed: seed, now: referenceNow)
        let start = now()
        let list = RecommendationEngine.recommend(histories, now: referenceNow, locale: locale)
        let elapsed = now() - start
        var details: [String: Double] = [:]
        for rule in RecommendationRule.allCases { details["rule." + rule.rawValue] = 0 }
        for priority in RecommendationPriority.allCases { details["priority." + priority.rawValue] = 0 }
        for recommendation in list {
            details["rule." + recommendation.rule.rawValue, default: 0] += 1
            details["priority." + recommendation.priority.rawValue, default: 0] += 1
        }
        return DecisionsBenchmarkResult(
            name: "recommendations", contacts: histories.count, messages: histories.reduce(0) { $0 + $1.messages.count },
            recommendations: list.count, seconds: seconds(elapsed), targetSeconds: 1, details: details
        )
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
