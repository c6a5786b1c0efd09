import Foundation
import Testing

@testable import Flows

@Suite("Civil dates and local wall-clock arithmetic")
struct CivilDateTests {
    /// Day numbers agree with Foundation's Gregorian calendar in UTC, every 13 days from 1600 to 2400, and every day near 1970.
    @Test func dayNumbersMatchFoundation() throws {
        let calendar = SmartSendingFixtures.calendar(try #require(TimeZone(secondsFromGMT: 0)))
        let days = Array(stride(from: -135_000, through: 157_000, by: 13)) + Array(-800...800)
        for dayNumber in days {
            let date = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: date)
            let civil = CivilDate(dayNumber: dayNumber)
            #expect(civil == CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0), "day \(dayNumber)")
            #expect(civil.dayNumber == dayNumber)
            #expect((civil.weekdayIndex + 1) % 7 + 1 == parts.weekday, "weekday of \(civil)")
        }
    }

    /// Local 08:00, 20:00 and 00:30 of every day of 2026–2027, in zones with daylight saving (including a 30-minute one and a
    /// southern one) and without, give the same instant as Foundation's Calendar, except times a daylight-saving change skips.
    @Test(arguments: ["Europe/Paris", "America/New_York", "Pacific/Auckland", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago"])
    func wallClockMatchesCalendar(identifier: String) {
        let zone = SmartSendingFixtures.zone(identifier)
        let calendar = SmartSendingFixtures.calendar(zone)
        let clock = LocalWallClock(timeZone: zone)
        let first = CivilDate(year: 2026, month: 1, day: 1).dayNumber
        for day in first..<(first + 730) {
            let civil = CivilDate(dayNumber: day)
            for (hour, minute) in [(8, 0), (20, 0), (0, 30)] {
                let components = DateComponents(year: civil.year, month: civil.month, day: civil.day, hour: hour, minute: minute)
                guard let expected = calendar.date(from: components) else { continue }
                let instant = clock.instant(dayNumber: day, secondOfDay: hour * 3600 + minute * 60)
                if calendar.component(.hour, from: expected) == hour {
                    #expect(instant == expected, "\(identifier) \(civil) \(hour):\(minute)")
                }
                let moment = clock.moment(at: instant)
                let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
                #expect(moment.date == CivilDate(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0))
                #expect(moment.secondOfDay == (parts.hour ?? 0) * 3600 + (parts.minute ?? 0) * 60)
            }
        }
    }

    @Test func skippedLocalTimeMovesForwardByTheGap() {
        let clock = LocalWallClock(timeZone: SmartSendingFixtures.paris)
        let day = CivilDate(year: 2026, month: 3, day: 29).dayNumber
        let instant = clock.instant(dayNumber: day, secondOfDay: 2 * 3600 + 30 * 60)
        #expect(SmartSendingFixtures.wallClock(instant) == "2026-03-29 03:30")
    }

    @Test func repeatedLocalTimeTakesTheEarlierInstant() {
        let clock = LocalWallClock(timeZone: SmartSendingFixtures.paris)
        let day = CivilDate(year: 2026, month: 10, day: 25).dayNumber
        let instant = clock.instant(dayNumber: day, secondOfDay: 2 * 3600 + 30 * 60)
        #expect(instant == Date(timeIntervalSince1970: 1_792_888_200))  // 2026-10-25T00:30:00Z, 02:30 CEST
    }

    @Test func nonFiniteInstantsDoNotTrap() {
        let clock = LocalWallClock(timeZone: SmartSendingFixtures.paris)
        _ = clock.moment(at: Date(timeIntervalSince1970: .nan))
        _ = clock.moment(at: Date(timeIntervalSince1970: .infinity))
        _ = clock.moment(at: .distantFuture)
    }
}
