import AutopilotCore
import Engine
import Flows
import Foundation
import Testing

@Suite("Callbacks — slots from business hours")
struct CallbackSchedulerTests {
    static let paris = TimeZone(identifier: "Europe/Paris")!

    static func starts(_ slots: [CallbackSlot]) -> [String] { slots.map { Timestamp.format($0.start) } }

    @Test func theNextSlotsStartAnHourAheadWithinTheDay() {
        // Tuesday 10 March 2026, 13:00 in Paris: the first slot is 14:00 (an hour's notice), every 30 minutes.
        let scheduler = CallbackScheduler(timeZone: Self.paris)
        let slots = scheduler.slots(from: Fixtures.date("2026-03-10T12:00:00Z"), count: 3)
        #expect(Self.starts(slots) == ["2026-03-10T13:00:00Z", "2026-03-10T13:30:00Z", "2026-03-10T14:00:00Z"])
        #expect(slots.allSatisfy { $0.end.timeIntervalSince($0.start) == 1_800 })
        let lastOfTheDay = scheduler.slots(from: Fixtures.date("2026-03-10T12:00:00Z"), count: 8).last
        #expect(lastOfTheDay.map { Timestamp.format($0.start) } == "2026-03-10T16:30:00Z", "17:30 Paris: the last slot ends at 18:00")
    }

    @Test func nineOClockStaysNineOClockAcrossTheSpringChange() {
        // Friday 27 March 17:00 CET; Monday 30 March is summer time (UTC+2).
        let scheduler = CallbackScheduler(timeZone: Self.paris)
        let friday = scheduler.slots(from: Fixtures.date("2026-03-27T06:00:00Z"), count: 1)
        #expect(Self.starts(friday) == ["2026-03-27T08:00:00Z"], "9:00 CET")
        let monday = scheduler.slots(from: Fixtures.date("2026-03-27T16:00:00Z"), count: 1)
        #expect(Self.starts(monday) == ["2026-03-30T07:00:00Z"], "9:00 CEST, after the weekend")
    }

    @Test func aSkippedHourIsNotOfferedAndARepeatedOneOnce() throws {
        let night = try BusinessHours.parse("sun 01:00-04:00")
        let scheduler = CallbackScheduler(hours: night, timeZone: Self.paris, minimumNotice: 0)
        // 29 March 2026: 02:00 CET jumps to 03:00 CEST.
        let spring = scheduler.slots(from: Fixtures.date("2026-03-28T12:00:00Z"), count: 10)
        #expect(Self.starts(spring).filter { $0.hasPrefix("2026-03-29") } == ["2026-03-29T00:00:00Z", "2026-03-29T00:30:00Z", "2026-03-29T01:00:00Z", "2026-03-29T01:30:00Z"])
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET; 02:00-03:00 happens twice and is offered once (the first).
        let autumn = scheduler.slots(from: Fixtures.date("2026-10-24T12:00:00Z"), count: 6)
        #expect(
            Self.starts(autumn) == [
                "2026-10-24T23:00:00Z", "2026-10-24T23:30:00Z", "2026-10-25T00:00:00Z", "2026-10-25T00:30:00Z", "2026-10-25T02:00:00Z",
                "2026-10-25T02:30:00Z",
            ])
        #expect(Set(autumn).count == autumn.count)
    }

    @Test func otherZonesFollowTheirOwnRules() throws {
        // New York moved to summer time on Sunday 8 March 2026: 9:00 is 14:00Z on Friday, 13:00Z on Monday.
        let newYork = CallbackScheduler(timeZone: try #require(TimeZone(identifier: "America/New_York")))
        let slots = newYork.slots(from: Fixtures.date("2026-03-06T12:00:00Z"), count: 19)
        #expect(slots.first.map { Timestamp.format($0.start) } == "2026-03-06T14:00:00Z")
        #expect(slots.last.map { Timestamp.format($0.start) } == "2026-03-09T13:00:00Z")
        // Kolkata is UTC+5:30 all year.
        let kolkata = CallbackScheduler(timeZone: try #require(TimeZone(identifier: "Asia/Kolkata")))
        #expect(Self.starts(kolkata.slots(from: Fixtures.date("2026-03-10T00:00:00Z"), count: 1)) == ["2026-03-10T03:30:00Z"])
    }

    @Test func bookedSlotsAndHolidaysAreLeftOut() {
        let scheduler = CallbackScheduler(timeZone: Self.paris, holidays: .france)
        let now = Fixtures.date("2026-03-10T12:00:00Z")
        let booked: Set<Date> = [Fixtures.date("2026-03-10T13:30:00Z")]
        #expect(Self.starts(scheduler.slots(from: now, count: 2, booked: booked)) == ["2026-03-10T13:00:00Z", "2026-03-10T14:00:00Z"])
        // Friday 1 May is a public holiday in France: Thursday evening's next slot is Monday.
        #expect(Self.starts(scheduler.slots(from: Fixtures.date("2026-04-30T16:00:00Z"), count: 1)) == ["2026-05-04T07:00:00Z"])
        #expect(Self.starts(CallbackScheduler(timeZone: Self.paris).slots(from: Fixtures.date("2026-04-30T16:00:00Z"), count: 1)) == ["2026-05-01T07:00:00Z"])
    }

    @Test(arguments: [
        ("2026-03-10T13:00:00Z", true), ("2026-03-10T13:30:00Z", false), ("2026-03-10T13:10:00Z", false), ("2026-03-10T12:30:00Z", false),
        ("2026-03-10T17:00:00Z", false), ("2026-03-14T09:00:00Z", false), ("2026-03-23T08:00:00Z", true), ("2026-04-10T08:00:00Z", false),
    ])
    func offersOnlyFreeAlignedSlotsInHoursAndHorizon(start: String, offered: Bool) {
        // Booked 14:30; 14:10 is off the grid; 13:30 is too soon; 18:00 is closed; Saturday is closed; a month ahead is past the horizon.
        let scheduler = CallbackScheduler(timeZone: Self.paris)
        let booked: Set<Date> = [Fixtures.date("2026-03-10T13:30:00Z")]
        #expect(scheduler.offers(Fixtures.date(start), now: Fixtures.date("2026-03-10T12:00:00Z"), booked: booked) == offered)
    }

    @Test func businessHoursReadInEnglishAndFrench() throws {
        let hours = try BusinessHours.parse("mon-fri 09:00-12:30,14:00-18:00; sat 10:00-13:00")
        #expect(hours.description == "mon-fri 09:00-12:30,14:00-18:00; sat 10:00-13:00")
        #expect(hours.days[5] == [BusinessHours.Range(start: 600, end: 780)] && hours.days[6].isEmpty)
        #expect(try BusinessHours.parse("lun-ven 9h-18h").description == "mon-fri 09:00-18:00")
        #expect(try BusinessHours.parse("Mon 8:30-12").description == "mon 08:30-12:00")
        #expect(BusinessHours.standard.description == "mon-fri 09:00-18:00")
    }

    @Test(arguments: ["", "mon-fri", "mon-fri 18:00-09:00", "xyz 09:00-10:00", "fri-mon 09:00-10:00", "mon 09:00-12:00,11:00-13:00", "mon 25:00-26:00"])
    func badBusinessHoursAreRefusedNamingTheField(text: String) {
        #expect {
            try BusinessHours.parse(text)
        } throws: { error in
            (error as? ValidationError)?.field == "business_hours"
        }
    }

    @Test func slotsAreSaidTheWayPeopleReadThem() {
        let start = Fixtures.date("2026-03-31T07:30:00Z")
        #expect(CallbackWording.when(start, timeZone: Self.paris, language: "fr") == "mardi 31 mars à 9h30")
        #expect(CallbackWording.when(start, timeZone: Self.paris, language: "en") == "Tuesday 31 March at 9:30")
        #expect(CallbackWording.when(Fixtures.date("2026-04-01T12:00:00Z"), timeZone: Self.paris, language: "fr") == "mercredi 1er avril à 14h00")
        #expect(CallbackWording.localISO(start, timeZone: Self.paris) == "2026-03-31T09:30:00+02:00")
        #expect(CallbackWording.localISO(start, timeZone: TimeZone(identifier: "America/St_Johns")!) == "2026-03-31T05:00:00-02:30")
        #expect(CallbackWording.language(of: "fr-CA") == "fr" && CallbackWording.language(of: nil) == "en")
    }
}
