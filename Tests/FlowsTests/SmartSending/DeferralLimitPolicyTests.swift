import AutopilotCore
import Foundation
import Testing

@testable import Flows

@Suite("Smart sending: maximum deferral and expiry")
struct DeferralLimitPolicyTests {
    typealias F = SmartSendingFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var now: String
        var scheduledAt: String?
        var expiresAt: String?
        var maximumDeferralHours: Double = 168
        var expected: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "deferral within 7 days", now: "2026-11-21 20:30", scheduledAt: "2026-11-21 20:30",
            expected: "defer 2026-11-23 08:00 quiet_hours"),
        Case(
            name: "due 6 days ago: Monday is past 7 days", now: "2026-11-21 20:30", scheduledAt: "2026-11-15 20:30",
            expected: "skip quiet_hours"),
        Case(name: "due 8 days ago, allowed now", now: "2026-11-18 10:00", scheduledAt: "2026-11-10 10:00", expected: "send"),
        Case(name: "due 8 days ago, blocked now", now: "2026-11-18 07:00", scheduledAt: "2026-11-10 10:00", expected: "skip quiet_hours"),
        Case(name: "tenant allows 24 h only", now: "2026-11-21 20:30", maximumDeferralHours: 24, expected: "skip quiet_hours"),
        Case(name: "tenant allows 36 h", now: "2026-11-21 20:30", maximumDeferralHours: 36, expected: "defer 2026-11-23 08:00 quiet_hours"),
        Case(name: "zero: send now or never", now: "2026-11-18 07:00", maximumDeferralHours: 0, expected: "skip quiet_hours"),
        Case(name: "zero, allowed now", now: "2026-11-18 09:00", maximumDeferralHours: 0, expected: "send"),
        Case(
            name: "abandoned-cart SMS losing relevance overnight", now: "2026-11-21 20:30", expiresAt: "2026-11-22 08:30",
            expected: "skip quiet_hours"),
        Case(
            name: "expiry after the next opening", now: "2026-11-18 21:00", expiresAt: "2026-11-19 12:00",
            expected: "defer 2026-11-19 08:00 quiet_hours"),
        Case(name: "expiry exactly at the opening", now: "2026-11-18 21:00", expiresAt: "2026-11-19 08:00", expected: "skip quiet_hours"),
        Case(name: "already expired", now: "2026-11-18 10:00", expiresAt: "2026-11-18 10:00", expected: "skip expired"),
        Case(name: "expired even when allowed", now: "2026-11-18 10:00", expiresAt: "2026-11-18 09:00", expected: "skip expired"),
        Case(name: "long holiday run beyond the limit", now: "2026-12-24 20:30", maximumDeferralHours: 12, expected: "skip quiet_hours"),
    ]

    @Test(arguments: cases)
    func decision(_ item: Case) throws {
        var settings = SmartSendingSettings()
        settings.maximumDeferralHours = item.maximumDeferralHours
        let message = OutgoingMessageFacts(
            channel: .sms, purpose: .marketing, scheduledAt: item.scheduledAt.map { F.local($0) }, expiresAt: item.expiresAt.map { F.local($0) }
        )
        let decision = try F.policy(settings).decide(message, contact: F.contact(), history: .empty, now: F.local(item.now))
        #expect(F.describe(decision) == item.expected)
    }

    /// A window open on Sundays only, seen on a Wednesday with a 48-hour limit, has no opening in reach: skip, no endless search.
    @Test func noOpeningWithinTheLimitSkips() throws {
        var settings = SmartSendingSettings()
        settings.sms.sendingWindow?.days = [.sunday]
        settings.maximumDeferralHours = 48
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local("2026-11-18 10:00")
        )
        #expect(decision == .skip(.quietHours))
    }

    @Test func extremeInstantsDoNotTrap() throws {
        let policy = try F.policy()
        for now in [Date.distantPast, .distantFuture, Date(timeIntervalSince1970: .nan), Date(timeIntervalSince1970: -.infinity)] {
            _ = policy.decide(OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: now)
        }
    }
}
