import AutopilotCore
import Flows
import Foundation
import Testing

@Suite("Local calendar: daylight saving, wait_until, date triggers, schedules")
struct LocalCalendarTests {
    typealias H = FlowHarness
    static let paris = LocalCalendar(timeZoneIdentifier: "Europe/Paris")

    @Test(arguments: [
        // Spring forward (Sunday 29 March 2026, 02:00 → 03:00): a calendar day keeps 10:00 local, so it lasts 23 hours.
        ("2026-03-28T09:00:00Z", FlowDuration.days(1), "2026-03-29T08:00:00Z"),
        ("2026-03-28T09:00:00Z", FlowDuration.hours(24), "2026-03-29T09:00:00Z"),
        // Fall back (Sunday 25 October 2026, 03:00 → 02:00): a calendar day lasts 25 hours.
        ("2026-10-24T08:00:00Z", FlowDuration.days(1), "2026-10-25T09:00:00Z"),
        ("2026-10-24T08:00:00Z", FlowDuration.days(7), "2026-10-31T09:00:00Z"),
        ("2026-10-24T08:00:00Z", FlowDuration(seconds: 1800, days: 1), "2026-10-25T09:30:00Z"),
    ])
    func calendarDaysKeepTheLocalTime(from: String, duration: FlowDuration, expected: String) {
        #expect(Self.paris.advance(H.time(from), by: duration) == H.time(expected))
    }

    @Test(arguments: [
        // 10:00 on any day: later the same day, or the next day when it has passed.
        ("2026-03-28T07:00:00Z", "10:00", [Weekday](), "2026-03-28T09:00:00Z"),
        ("2026-03-28T10:00:00Z", "10:00", [], "2026-03-29T08:00:00Z"),
        ("2026-10-24T09:00:00Z", "10:00", [], "2026-10-25T09:00:00Z"),
        // Exactly at the time: no wait.
        ("2026-03-28T09:00:00Z", "10:00", [], "2026-03-28T09:00:00Z"),
        // Weekday only, from a Friday: the next Sunday starts at local midnight.
        ("2026-03-27T12:00:00Z", nil, [.sunday], "2026-03-28T23:00:00Z"),
        ("2026-10-23T12:00:00Z", nil, [.sunday], "2026-10-24T22:00:00Z"),
        // Already on an allowed day with no time: no wait.
        ("2026-03-27T12:00:00Z", nil, [.friday], "2026-03-27T12:00:00Z"),
        // Time and weekdays.
        ("2026-03-27T12:00:00Z", "09:30", [.monday, .sunday], "2026-03-29T07:30:00Z"),
        // 02:30 does not exist on the spring-forward night: it moves forward by the gap, to 03:30 CEST.
        ("2026-03-29T00:00:00Z", "02:30", [], "2026-03-29T01:30:00Z"),
        // 02:30 happens twice on the fall-back night: the first one (CEST) is taken.
        ("2026-10-24T23:00:00Z", "02:30", [], "2026-10-25T00:30:00Z"),
    ])
    func waitUntilInTheContactZone(from: String, time: String?, weekdays: [Weekday], expected: String) {
        let moment = Self.paris.nextMatch(atOrAfter: H.time(from), time: time.flatMap(TimeOfDay.parse), weekdays: weekdays)
        #expect(moment == H.time(expected))
    }

    @Test func waitUntilStepUsesTheContactZoneAndFallsBackToTheTenant() throws {
        let flow = try H.flow("  - wait_until: { time: \"10:00\" }\n  - send: { channel: email, template: x }")
        let (paris, parisEffects) = H.start(flow, at: "2026-10-24T12:00:00Z", contact: ["timezone": "Europe/Paris"])
        #expect(parisEffects == [.scheduleTimer(at: H.time("2026-10-25T09:00:00Z"))])
        #expect(paris.timeZone == "Europe/Paris")
        let start = FlowStart(occurredAt: H.time("2026-10-24T12:00:00Z"), contact: ["timezone": "Mars/Olympus"], tenantTimeZone: "America/New_York")
        let (tenant, tenantEffects) = FlowInterpreter.step(
            definition: flow, run: H.newRun(), input: .start(start), now: H.time("2026-10-24T12:00:00Z"))
        #expect(tenant.timeZone == "America/New_York")
        #expect(tenantEffects == [.scheduleTimer(at: H.time("2026-10-24T14:00:00Z"))])
    }

    static let birthday = DateTrigger(property: "birthdate", offsetDays: -7, at: TimeOfDay(hour: 10, minute: 0)!, yearly: true)

    @Test(arguments: [
        // Birthday 5 April: the teaser on 29 March 2026 at 10:00 Paris, the very day clocks go forward (08:00 UTC).
        ("1990-04-05", "2026-01-01T00:00:00Z", "2026-03-29T08:00:00Z"),
        // Already past this year: next year's (29 March 2027, 10:00 CEST).
        ("1990-04-05", "2026-03-29T08:00:01Z", "2027-03-29T08:00:00Z"),
        // Early January: the teaser falls in the previous December.
        ("1985-01-03", "2026-06-01T00:00:00Z", "2026-12-27T09:00:00Z"),
        // 29 February: 28 February in common years, minus 7 days.
        ("2000-02-29", "2026-01-01T00:00:00Z", "2026-02-21T09:00:00Z"),
        ("2000-02-29", "2027-06-01T00:00:00Z", "2028-02-22T09:00:00Z"),
    ])
    func birthdayFirings(birthdate: String, after: String, expected: String) {
        #expect(Self.paris.firing(of: Self.birthday, value: birthdate, onOrAfter: H.time(after)) == H.time(expected))
    }

    @Test func oneShotDateTriggersAndBadDates() {
        let winBack = DateTrigger(property: "last_order_at", offsetDays: 90, at: TimeOfDay(hour: 10, minute: 0)!, yearly: false)
        #expect(
            Self.paris.firing(of: winBack, value: "2026-01-10T15:00:00Z", onOrAfter: H.time("2026-01-10T15:00:00Z")) == H.time("2026-04-10T08:00:00Z")
        )
        #expect(Self.paris.firing(of: Self.birthday, value: "not a date", onOrAfter: H.time("2026-01-01T00:00:00Z")) == nil)
        #expect(Self.paris.firing(of: Self.birthday, value: "1990-02-30", onOrAfter: H.time("2026-01-01T00:00:00Z")) == nil)
    }

    @Test(arguments: [
        ("every day 09:00", "2026-03-28T07:00:00Z", "2026-03-28T08:00:00Z"),
        ("every day 09:00", "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z"),
        ("every monday 09:00", "2026-10-24T12:00:00Z", "2026-10-26T08:00:00Z"),
        ("every monday,thursday 18:30", "2026-10-27T12:00:00Z", "2026-10-29T17:30:00Z"),
    ])
    func scheduleFirings(schedule: String, after: String, expected: String) throws {
        let parsed = try #require(FlowSchedule.parse(schedule))
        #expect(Self.paris.nextFiring(of: parsed, after: H.time(after)) == H.time(expected))
    }

    @Test(arguments: [
        (FlowReentry.onceEver, "k1", [(String?, String)](), true),
        (.onceEver, "k1", [("k0", "2026-01-01T00:00:00Z")], false),
        (.oncePerObject(path: ["trigger", "cart_id"]), "k1", [("k0", "2026-05-01T00:00:00Z")], true),
        (.oncePerObject(path: ["trigger", "cart_id"]), "k1", [("k1", "2025-01-01T00:00:00Z")], false),
        (.atMostEvery(days: 7, path: ["trigger", "sku"]), "s1", [("s1", "2026-04-28T00:00:00Z")], false),
        (.atMostEvery(days: 7, path: ["trigger", "sku"]), "s1", [("s1", "2026-04-26T23:59:59Z")], true),
        (.atMostEvery(days: 7, path: ["trigger", "sku"]), "s1", [("s2", "2026-05-03T00:00:00Z")], true),
        (.atMostEvery(days: 30, path: nil), "x", [("y", "2026-04-10T00:00:00Z")], false),
    ])
    func reentryRules(rule: FlowReentry, objectID: String, previous: [(String?, String)], allowed: Bool) {
        let runs = previous.map { (objectID: $0.0, startedAt: H.time($0.1)) }
        #expect(rule.allows(objectID: objectID, previousRuns: runs, now: H.time("2026-05-04T00:00:00Z")) == allowed)
    }
}
