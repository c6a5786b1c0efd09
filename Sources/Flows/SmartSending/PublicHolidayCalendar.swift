/// Which public holidays a sending window skips. Raw values are persisted.
public enum PublicHolidayCalendar: String, Sendable, Hashable, Codable, CaseIterable {
    /// The eleven French public holidays (Code du travail, art. L3133-1).
    case france
    /// France plus Good Friday and 26 December, as in Alsace and Moselle.
    case franceAlsaceMoselle = "france_alsace_moselle"
    /// No public holidays.
    case none

    /// True when the civil date is a public holiday in this calendar.
    public func isHoliday(year: Int, month: Int, day: Int) -> Bool {
        switch self {
        case .none: false
        case .france: FrenchPublicHolidays.isHoliday(year: year, month: month, day: day, alsaceMoselle: false)
        case .franceAlsaceMoselle: FrenchPublicHolidays.isHoliday(year: year, month: month, day: day, alsaceMoselle: true)
        }
    }
}
