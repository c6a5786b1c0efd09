import AutopilotCore
import Flows
import Foundation
import Storage

/// The calendar days on which a contact-date trigger can fire inside one sweep's window, per time zone. A sweep reads every
/// contact's date; most of them cannot fire in an hour's window, and this says so from the date's digits, without calendar
/// arithmetic per contact. It only ever lets too many through: the sweep's exact computation (`LocalCalendar.firing`)
/// still decides for the dates it keeps, so the runs started are the same as without it.
struct DateTriggerWindow {
    let trigger: DateTrigger
    let since: Date
    let now: Date
    /// Per time zone: the days (since 1970-01-01) a contact's date must fall on, before the trigger's offset, to fire in the
    /// window.
    private var days: [String: Set<Int>] = [:]
    /// A longer window (a worker back after a long stop) is not filtered.
    static let longest: TimeInterval = 62 * 86_400

    init(trigger: DateTrigger, since: Date, now: Date) {
        self.trigger = trigger
        self.since = since
        self.now = now
    }

    /// False when no date can fire in the window in `zone` (no trigger moment of that zone falls in it).
    mutating func canFire(in zone: String, calendar: LocalCalendar) -> Bool {
        guard now.timeIntervalSince(since) <= Self.longest else { return true }
        let candidates = days[zone] ?? Self.candidates(trigger: trigger, since: since, now: now, calendar: calendar)
        days[zone] = candidates
        return !candidates.isEmpty
    }

    /// False when `value` (`YYYY-MM-DD` or an ISO 8601 time) cannot fire in the window in `zone`; true when it may.
    mutating func mayFire(_ value: String, zone: String, calendar: LocalCalendar) -> Bool {
        guard now.timeIntervalSince(since) <= Self.longest else { return true }
        let candidates = days[zone] ?? Self.candidates(trigger: trigger, since: since, now: now, calendar: calendar)
        days[zone] = candidates
        guard !candidates.isEmpty else { return false }
        if let day = Timestamp.parseDay(value) { return matches(day, candidates) }
        guard let instant = Timestamp.parse(value) else { return false }  // not a date: it never fires
        // The local day of an instant is its UTC day or one of its neighbours (offsets stay within ±14 hours).
        let utc = Int((instant.timeIntervalSince1970 / 86_400).rounded(.down))
        return (utc - 1...utc + 1).contains { matches(Timestamp.civilFromDays($0), candidates) }
    }

    /// What the store may filter on, from the zones looked at so far (`canFire` for every zone of the tenant's contacts):
    /// the month-days of a yearly trigger on a `YYYY-MM-DD` column, or the span of days of a one-off one. Nil when the window
    /// is too long to filter, or the property is not a column (`attributes.NAME`, read from whole contacts).
    func storeWindow(property: String) -> ContactDateWindow? {
        guard now.timeIntervalSince(since) <= Self.longest else { return nil }
        let all = days.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
        guard let first = all.min(), let last = all.max() else { return nil }
        let isText = property == "birthdate"
        guard trigger.yearly else {
            // An instant's local day is its UTC day or a neighbour (`mayFire`): a day of margin on each side.
            return isText ? .days(from: first, to: last + 1) : .days(from: first - 1, to: last + 2)
        }
        guard isText else { return nil }
        var monthDays = Set<String>()
        for candidate in all {
            let (year, month, day) = Timestamp.civilFromDays(candidate)
            monthDays.insert(String(format: "%02d-%02d", month, day))
            // A 29 February birthday is kept on 28 February in other years (`day(_:in:)`).
            if month == 2, day == 28, Self.day((year, 2, 29), in: year) == 28 { monthDays.insert("02-29") }
        }
        return .monthDays(monthDays)
    }

    /// Whether a civil date, moved to the year a candidate falls in (yearly triggers) or as it is, is a candidate.
    private func matches(_ date: (year: Int, month: Int, day: Int), _ candidates: Set<Int>) -> Bool {
        guard trigger.yearly else {
            return candidates.contains(Timestamp.daysFromCivil(year: date.year, month: date.month, day: Self.day(date, in: date.year)))
        }
        return candidates.contains { candidate in
            let (year, month, day) = Timestamp.civilFromDays(candidate)
            return month == date.month && day == Self.day(date, in: year)
        }
    }

    /// The day of the month a date falls on in `year`: 29 February becomes 28 February in other years.
    private static func day(_ date: (year: Int, month: Int, day: Int), in year: Int) -> Int {
        guard date.month == 2, date.day == 29, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) else { return date.day }
        return 28
    }

    /// The local days whose trigger moment falls in (since, now], moved back by the trigger's offset: computed with the
    /// same `LocalCalendar.at` as the firing itself, so daylight-saving changes agree.
    static func candidates(trigger: DateTrigger, since: Date, now: Date, calendar: LocalCalendar) -> Set<Int> {
        func localDay(_ date: Date) -> Int {
            guard let day = Timestamp.parseDay(calendar.day(of: date)) else { return Int((date.timeIntervalSince1970 / 86_400).rounded(.down)) }
            return Timestamp.daysFromCivil(year: day.year, month: day.month, day: day.day)
        }
        var result = Set<Int>()
        let first = localDay(since) - 2
        let last = localDay(now) + 1
        guard first <= last else { return result }
        for day in first...last {
            let (year, month, dayOfMonth) = Timestamp.civilFromDays(day)
            guard let moment = calendar.at(trigger.at, year: year, month: month, day: dayOfMonth), moment > since, moment <= now else { continue }
            result.insert(day - trigger.offsetDays)
        }
        return result
    }
}
