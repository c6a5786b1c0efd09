import AutopilotCore
import Foundation
import Testing

@testable import Flows

@Suite("Smart sending: frequency caps")
struct FrequencyCapPolicyTests {
    typealias F = SmartSendingFixtures

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var channel: Channel
        var purpose: MessagePurpose = .marketing
        var now: String
        /// Earlier sends: channel, purpose, Paris local time.
        var sent: [(Channel, MessagePurpose, String)]
        var cap: FrequencyCap?
        var expected: String

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "email 10 h after a marketing email", channel: .email, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 00:00")], expected: "defer 2026-11-18 16:00 frequency_cap"),
        Case(
            name: "email exactly 16 h later", channel: .email, now: "2026-11-18 16:00",
            sent: [(.email, .marketing, "2026-11-18 00:00")], expected: "send"),
        Case(
            name: "transactional email is exempt", channel: .email, purpose: .transactional, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 09:00")], expected: "send"),
        Case(
            name: "transactional sends do not count", channel: .email, now: "2026-11-18 10:00",
            sent: [(.email, .transactional, "2026-11-18 09:00")], expected: "send"),
        Case(
            name: "other channels do not count", channel: .sms, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 09:00"), (.whatsapp, .marketing, "2026-11-18 09:30")], expected: "send"),
        Case(
            name: "SMS 20 h after an SMS", channel: .sms, now: "2026-11-18 10:00",
            sent: [(.sms, .marketing, "2026-11-17 14:00")], expected: "defer 2026-11-18 14:00 frequency_cap"),
        Case(
            name: "cap ends on a Sunday, window sets Monday", channel: .sms, now: "2026-11-21 19:30",
            sent: [(.sms, .marketing, "2026-11-21 19:00")], expected: "defer 2026-11-23 08:00 sunday"),
        Case(
            name: "cap ends at night, window sets morning", channel: .whatsapp, now: "2026-11-18 10:00",
            sent: [(.whatsapp, .marketing, "2026-11-17 21:30")], expected: "defer 2026-11-19 08:00 quiet_hours"),
        Case(
            name: "quiet now, cap ends later in the window", channel: .sms, now: "2026-11-17 21:00",
            sent: [(.sms, .marketing, "2026-11-17 11:00")], expected: "defer 2026-11-18 11:00 frequency_cap"),
        Case(
            name: "two per day: one sent", channel: .email, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 05:00")], cap: FrequencyCap(messages: 2, windowHours: 24), expected: "send"),
        Case(
            name: "two per day: two sent", channel: .email, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 05:00"), (.email, .marketing, "2026-11-17 14:00")],
            cap: FrequencyCap(messages: 2, windowHours: 24), expected: "defer 2026-11-18 14:00 frequency_cap"),
        Case(
            name: "sends in the future are ignored", channel: .email, now: "2026-11-18 10:00",
            sent: [(.email, .marketing, "2026-11-18 12:00")], expected: "send"),
    ]

    @Test(arguments: cases)
    func decision(_ item: Case) throws {
        var settings = SmartSendingSettings()
        if let cap = item.cap { settings.email.frequencyCap = cap }
        let history = RecentSends(item.sent.map { RecentSends.Entry(channel: $0.0, purpose: $0.1, sentAt: F.local($0.2)) })
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: item.channel, purpose: item.purpose), contact: F.contact(), history: history, now: F.local(item.now)
        )
        #expect(F.describe(decision) == item.expected)
    }

    @Test func capSwitchedOff() throws {
        var settings = SmartSendingSettings()
        settings.email.frequencyCap = nil
        let history = RecentSends([.init(channel: .email, purpose: .marketing, sentAt: F.local("2026-11-18 09:59"))])
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: .email, purpose: .marketing), contact: F.contact(), history: history, now: F.local("2026-11-18 10:00")
        )
        #expect(decision == .send)
    }
}
