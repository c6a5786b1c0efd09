import AutopilotCore
import Foundation
import Testing

@testable import Flows

/// Sweeps two years of instants and checks every decision against a `Calendar`-based reading of the default SMS rule:
/// a sent message is inside the window, a deferred one lands on the first allowed moment, never later, never earlier.
@Suite("Smart sending: window invariants over 2026–2027")
struct SendingWindowInvariantTests {
    typealias F = SmartSendingFixtures

    /// Monday–Saturday, 08:00 ≤ time < 20:00, not a French public holiday, read with Foundation's Calendar.
    static func allowed(_ instant: Date, calendar: Calendar) -> Bool {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .weekday], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let hour = parts.hour else { return false }
        let holidays = FrenchPublicHolidays.holidays(in: year).map(\.date)
        return parts.weekday != 1 && (8..<20).contains(hour) && !holidays.contains(CivilDate(year: year, month: month, day: day))
    }

    @Test(arguments: ["Europe/Paris", "America/New_York", "Australia/Sydney"])
    func decisionsAgreeWithTheCalendar(identifier: String) throws {
        let zone = F.zone(identifier)
        let calendar = F.calendar(zone)
        let policy = try F.policy()
        let sms = OutgoingMessageFacts(channel: .sms, purpose: .marketing)
        let contact = F.contact(timeZone: zone)
        let start = F.local("2026-01-01 00:00", in: zone)
        let step: TimeInterval = 3 * 3600 + 17 * 60
        for index in 0..<(2 * 365 * 24 * 3600 / Int(step)) {
            let now = start.addingTimeInterval(Double(index) * step)
            switch policy.decide(sms, contact: contact, history: .empty, now: now) {
            case .send:
                #expect(Self.allowed(now, calendar: calendar), "sent at \(F.wallClock(now, in: zone))")
            case .defer(let until, _):
                #expect(!Self.allowed(now, calendar: calendar), "deferred at \(F.wallClock(now, in: zone))")
                #expect(Self.allowed(until, calendar: calendar), "deferred to \(F.wallClock(until, in: zone))")
                #expect(F.wallClock(until, in: zone).hasSuffix(" 08:00"), "deferred to \(F.wallClock(until, in: zone))")
                #expect(policy.decide(sms, contact: contact, history: .empty, now: until) == .send)
                var probe = now.addingTimeInterval(3600)
                while probe < until {
                    #expect(!Self.allowed(probe, calendar: calendar), "\(F.wallClock(probe, in: zone)) was allowed before the deferral")
                    probe.addTimeInterval(3600)
                }
            case .skip(let reason):
                Issue.record("skipped at \(F.wallClock(now, in: zone)): \(reason.code)")
            }
        }
    }
}
