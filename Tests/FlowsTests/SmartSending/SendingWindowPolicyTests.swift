import AutopilotCore
import Foundation
import Testing

@testable import Flows

@Suite("Smart sending: sending windows, Sundays and public holidays")
struct SendingWindowPolicyTests {
    typealias F = SmartSendingFixtures

    /// Default settings, a marketing SMS to a consenting contact in Europe/Paris; times are Paris wall-clock times.
    @Test(arguments: [
        ("2026-11-18 10:00", "send"),  // Wednesday, inside 08:00–20:00
        ("2026-11-18 07:59", "defer 2026-11-18 08:00 quiet_hours"),
        ("2026-11-18 19:59", "send"),
        ("2026-11-18 20:00", "defer 2026-11-19 08:00 quiet_hours"),  // the end is exclusive
        ("2026-11-21 20:30", "defer 2026-11-23 08:00 quiet_hours"),  // Saturday evening skips Sunday
        ("2026-11-22 12:00", "defer 2026-11-23 08:00 sunday"),
        ("2026-04-04 20:30", "defer 2026-04-07 08:00 quiet_hours"),  // Saturday before Easter Monday → Tuesday
        ("2026-04-06 10:00", "defer 2026-04-07 08:00 public_holiday"),  // Easter Monday 2026
        ("2026-05-13 20:15", "defer 2026-05-15 08:00 quiet_hours"),  // eve of Ascension 2026
        ("2026-05-23 21:00", "defer 2026-05-26 08:00 quiet_hours"),  // Saturday before Whit Monday 2026
        ("2026-04-30 20:05", "defer 2026-05-02 08:00 quiet_hours"),  // 1 May on a Friday → Saturday
        ("2026-05-07 21:00", "defer 2026-05-09 08:00 quiet_hours"),  // 8 May on a Friday → Saturday
        ("2026-10-31 22:00", "defer 2026-11-02 08:00 quiet_hours"),  // All Saints' Day on a Sunday
        ("2026-11-01 09:00", "defer 2026-11-02 08:00 sunday"),  // a Sunday that is also a holiday reads as Sunday
        ("2026-12-24 20:00", "defer 2026-12-26 08:00 quiet_hours"),  // Christmas on a Friday
        ("2027-03-27 20:30", "defer 2027-03-30 08:00 quiet_hours"),  // Easter Monday 2027, across the DST change
        ("2027-05-05 20:30", "defer 2027-05-07 08:00 quiet_hours"),  // Ascension 2027
        ("2027-05-16 09:00", "defer 2027-05-18 08:00 sunday"),  // Whit Monday 2027
        ("2026-03-28 21:00", "defer 2026-03-30 08:00 quiet_hours"),  // DST starts Sunday 29 March
        ("2026-10-24 21:00", "defer 2026-10-26 08:00 quiet_hours"),  // DST ends Sunday 25 October
    ])
    func marketingSMS(now: String, expected: String) throws {
        let decision = try F.policy().decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local(now)
        )
        #expect(F.describe(decision) == expected)
    }

    @Test(arguments: [Channel.sms, .whatsapp])
    func whatsappFollowsTheSameWindowAsSMS(channel: Channel) throws {
        let decision = try F.policy().decide(
            OutgoingMessageFacts(channel: channel, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local("2026-11-22 12:00")
        )
        #expect(F.describe(decision) == "defer 2026-11-23 08:00 sunday")
    }

    @Test(arguments: ["2026-11-22 03:00", "2026-12-25 23:30", "2026-11-18 21:00"])
    func emailHasNoWindowByDefault(now: String) throws {
        let decision = try F.policy().decide(
            OutgoingMessageFacts(channel: .email, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local(now)
        )
        #expect(decision == .send)
    }

    /// Deferrals across the 2026 daylight-saving changes land on 08:00 local wall-clock time, with the right UTC offset.
    @Test(arguments: [
        ("2026-03-28 21:00", "2026-03-29T06:00:00Z"),  // 08:00 CEST (UTC+2), the change day itself
        ("2026-03-29 01:30", "2026-03-29T06:00:00Z"),  // before the 02:00 → 03:00 jump
        ("2026-10-24 21:00", "2026-10-25T07:00:00Z"),  // 08:00 CET (UTC+1)
        ("2026-10-25 02:30", "2026-10-25T07:00:00Z"),  // inside the repeated hour
    ])
    func daylightSavingChangesWhenSundaysAreAllowed(now: String, expectedUTC: String) throws {
        var settings = SmartSendingSettings()
        settings.sms.sendingWindow?.days = Set(SendingWindow.Weekday.allCases)
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local(now)
        )
        let until = try #require(decision.deferredUntil)
        #expect(until == (try #require(ISO8601DateFormatter().date(from: expectedUTC))))
        #expect(F.wallClock(until).hasSuffix(" 08:00"))
    }

    @Test func defaultDeferralsAcrossDaylightSavingKeepEightOClock() throws {
        let policy = try F.policy()
        let spring = policy.decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local("2026-03-28 21:00")
        )
        let autumn = policy.decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(), history: .empty, now: F.local("2026-10-24 21:00")
        )
        #expect(spring.deferredUntil == ISO8601DateFormatter().date(from: "2026-03-30T06:00:00Z"))
        #expect(autumn.deferredUntil == ISO8601DateFormatter().date(from: "2026-10-26T07:00:00Z"))
    }

    @Test func contactTimeZoneWinsOverTheTenants() throws {
        let newYork = F.zone("America/New_York")
        let now = F.local("2026-11-18 10:00")  // 04:00 in New York
        let decision = try F.policy().decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: F.contact(timeZone: newYork), history: .empty, now: now
        )
        #expect(F.describe(decision, in: newYork) == "defer 2026-11-18 08:00 quiet_hours")
        #expect(F.describe(decision) == "defer 2026-11-18 14:00 quiet_hours")
    }

    @Test func unknownContactZoneUsesTheTenantZone() throws {
        var settings = SmartSendingSettings()
        settings.timeZone = "America/Montreal"
        let montreal = F.zone("America/Montreal")
        let contact = RecipientFacts(
            contact: {
                var record = ContactRecord(id: "c1", createdAt: Date(timeIntervalSince1970: 0))
                record.phone = "+15145550100"
                record.timezone = "Mars/Olympus_Mons"
                record.consents = [.sms: F.consented]
                return record
            }())
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: .sms, purpose: .marketing), contact: contact, history: .empty,
            now: F.local("2026-11-18 06:00", in: montreal)
        )
        #expect(F.describe(decision, in: montreal) == "defer 2026-11-18 08:00 quiet_hours")
    }

    @Test(arguments: [false, true])
    func transactionalSMSIgnoresTheWindowUnlessConfigured(respects: Bool) throws {
        var settings = SmartSendingSettings()
        settings.transactionalRespectsSendingWindow = respects
        let decision = try F.policy(settings).decide(
            OutgoingMessageFacts(channel: .sms, purpose: .transactional), contact: F.contact(), history: .empty, now: F.local("2026-11-22 23:00")
        )
        #expect(F.describe(decision) == (respects ? "defer 2026-11-23 08:00 sunday" : "send"))
    }

    @Test func customWindowAndHolidayCalendar() throws {
        var settings = SmartSendingSettings()
        settings.publicHolidays = .franceAlsaceMoselle
        settings.email.sendingWindow = SendingWindow(
            start: SendingWindow.TimeOfDay(hour: 9, minute: 30), end: SendingWindow.TimeOfDay(hour: 18, minute: 0),
            days: [.monday, .tuesday, .wednesday, .thursday, .friday], skipPublicHolidays: true
        )
        let policy = try F.policy(settings)
        let email = OutgoingMessageFacts(channel: .email, purpose: .marketing)
        // Thursday before Good Friday 2026 (a holiday in Alsace-Moselle) → Monday after the weekend is Easter Monday → Tuesday.
        #expect(
            F.describe(policy.decide(email, contact: F.contact(), history: .empty, now: F.local("2026-04-02 18:30")))
                == "defer 2026-04-07 09:30 quiet_hours")
        #expect(
            F.describe(policy.decide(email, contact: F.contact(), history: .empty, now: F.local("2026-04-04 11:00")))
                == "defer 2026-04-07 09:30 quiet_hours")  // a Saturday excluded by the tenant reads as quiet hours
    }
}
