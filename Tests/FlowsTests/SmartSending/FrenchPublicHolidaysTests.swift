import Foundation
import Testing

@testable import Flows

@Suite("French public holidays")
struct FrenchPublicHolidaysTests {
    /// Easter Sundays as published in church calendars (including the extremes: 22 March 2285, 25 April 2038).
    @Test(arguments: [
        (2008, "2008-03-23"), (2011, "2011-04-24"), (2019, "2019-04-21"), (2024, "2024-03-31"), (2025, "2025-04-20"),
        (2026, "2026-04-05"), (2027, "2027-03-28"), (2038, "2038-04-25"), (2285, "2285-03-22"), (1818, "1818-03-22"),
    ])
    func easterSunday(year: Int, expected: String) throws {
        let easter = try #require(FrenchPublicHolidays.easterSunday(year: year))
        #expect(easter.description == expected)
        #expect(easter.weekdayIndex == 6)
    }

    @Test func noEasterBeforeTheGregorianReform() {
        #expect(FrenchPublicHolidays.easterSunday(year: 1500) == nil)
        #expect(!FrenchPublicHolidays.isHoliday(year: 1500, month: 4, day: 2))
    }

    /// Service-public.fr calendars of jours fériés for 2026 and 2027.
    @Test(arguments: [
        (
            2026,
            [
                "2026-01-01", "2026-04-06", "2026-05-01", "2026-05-08", "2026-05-14", "2026-05-25",
                "2026-07-14", "2026-08-15", "2026-11-01", "2026-11-11", "2026-12-25",
            ]
        ),
        (
            2027,
            [
                "2027-01-01", "2027-03-29", "2027-05-01", "2027-05-06", "2027-05-08", "2027-05-17",
                "2027-07-14", "2027-08-15", "2027-11-01", "2027-11-11", "2027-12-25",
            ]
        ),
    ])
    func holidaysOfYear(year: Int, expected: [String]) {
        #expect(FrenchPublicHolidays.holidays(in: year).map(\.date.description) == expected)
    }

    @Test func alsaceMoselleAddsGoodFridayAndSaintStephen() {
        let days = FrenchPublicHolidays.holidays(in: 2026, alsaceMoselle: true).map(\.date.description)
        #expect(days.count == 13)
        #expect(days.contains("2026-04-03"))
        #expect(days.contains("2026-12-26"))
        #expect(PublicHolidayCalendar.franceAlsaceMoselle.isHoliday(year: 2027, month: 3, day: 26))
        #expect(!PublicHolidayCalendar.france.isHoliday(year: 2027, month: 3, day: 26))
    }

    /// The fast check agrees with the list for every day of two centuries, in both calendars.
    @Test(arguments: [false, true])
    func fastCheckMatchesTheList(alsaceMoselle: Bool) {
        for year in 1950...2150 {
            let listed = Set(FrenchPublicHolidays.holidays(in: year, alsaceMoselle: alsaceMoselle).map(\.date))
            let first = CivilDate(year: year, month: 1, day: 1).dayNumber
            let last = CivilDate(year: year, month: 12, day: 31).dayNumber
            var found = Set<CivilDate>()
            for day in first...last {
                let date = CivilDate(dayNumber: day)
                if FrenchPublicHolidays.isHoliday(year: date.year, month: date.month, day: date.day, alsaceMoselle: alsaceMoselle) {
                    found.insert(date)
                }
            }
            #expect(found == listed, "year \(year)")
        }
    }
}
