/// The French public holidays (jours fériés, Code du travail art. L3133-1), with the Easter-based ones computed per year.
public enum FrenchPublicHolidays {
    /// One public holiday on a given date.
    public struct Holiday: Sendable, Hashable {
        /// Stable identifier, e.g. `easter_monday`.
        public var id: String
        public var date: CivilDate
    }

    /// Easter Sunday of a Gregorian year (1583 and later); nil before the Gregorian reform or beyond year 99,999.
    public static func easterSunday(year: Int) -> CivilDate? {
        guard (1583...99_999).contains(year) else { return nil }
        // Gregorian computus: golden number, century corrections, epact, then the following Sunday.
        let golden = year % 19
        let century = year / 100, yearOfCentury = year % 100
        let skippedLeaps = century / 4, centuryRemainder = century % 4
        let lunarCorrection = (century - (century + 8) / 25 + 1) / 3
        let epact = (19 * golden + century - skippedLeaps - lunarCorrection + 15) % 30
        let weekdayShift = (32 + 2 * centuryRemainder + 2 * (yearOfCentury / 4) - epact - yearOfCentury % 4) % 7
        let lateCorrection = (golden + 11 * epact + 22 * weekdayShift) / 451
        let offset = epact + weekdayShift - 7 * lateCorrection + 114
        return CivilDate(year: year, month: offset / 31, day: offset % 31 + 1)
    }

    /// Every public holiday of `year`, in date order. Alsace and Moselle add Good Friday and 26 December.
    public static func holidays(in year: Int, alsaceMoselle: Bool = false) -> [Holiday] {
        var list = [
            Holiday(id: "new_year", date: CivilDate(year: year, month: 1, day: 1)),
            Holiday(id: "labour_day", date: CivilDate(year: year, month: 5, day: 1)),
            Holiday(id: "victory_1945", date: CivilDate(year: year, month: 5, day: 8)),
            Holiday(id: "bastille_day", date: CivilDate(year: year, month: 7, day: 14)),
            Holiday(id: "assumption", date: CivilDate(year: year, month: 8, day: 15)),
            Holiday(id: "all_saints", date: CivilDate(year: year, month: 11, day: 1)),
            Holiday(id: "armistice_1918", date: CivilDate(year: year, month: 11, day: 11)),
            Holiday(id: "christmas", date: CivilDate(year: year, month: 12, day: 25)),
        ]
        if alsaceMoselle { list.append(Holiday(id: "st_stephen", date: CivilDate(year: year, month: 12, day: 26))) }
        if let easter = easterSunday(year: year) {
            list.append(Holiday(id: "easter_monday", date: easter.adding(days: 1)))
            list.append(Holiday(id: "ascension", date: easter.adding(days: 39)))
            list.append(Holiday(id: "whit_monday", date: easter.adding(days: 50)))
            if alsaceMoselle { list.append(Holiday(id: "good_friday", date: easter.adding(days: -2))) }
        }
        return list.sorted { $0.date < $1.date }
    }

    /// True when the date is a public holiday; allocation-free, for the sending policy's inner loop.
    public static func isHoliday(year: Int, month: Int, day: Int, alsaceMoselle: Bool = false) -> Bool {
        switch (month, day) {
        case (1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25): return true
        case (12, 26): return alsaceMoselle
        default: break
        }
        guard (3...6).contains(month), let easter = easterSunday(year: year) else { return false }
        let distance = CivilDate(year: year, month: month, day: day).dayNumber - easter.dayNumber
        return distance == 1 || distance == 39 || distance == 50 || (alsaceMoselle && distance == -2)
    }
}
