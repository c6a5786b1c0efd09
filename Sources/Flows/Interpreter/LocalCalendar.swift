import AutopilotCore
import Foundation

/// Calendar arithmetic in one IANA time zone: calendar days that keep the wall-clock time across daylight-saving
/// changes, the next moment matching a time of day and weekdays, contact-date and schedule firing times.
public struct LocalCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    /// A calendar in the named zone; an unknown name falls back to UTC.
    public init(timeZoneIdentifier: String) {
        self.init(timeZone: TimeZone(identifier: timeZoneIdentifier) ?? TimeZone(secondsFromGMT: 0) ?? .current)
    }

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        calendar.firstWeekday = 2
        self.calendar = calendar
    }

    /// `date` moved by a duration: whole calendar days first (same local time), then exact seconds.
    public func advance(_ date: Date, by duration: FlowDuration) -> Date {
        var result = date
        if duration.days != 0, let moved = calendar.date(byAdding: .day, value: duration.days, to: date) { result = moved }
        return result.addingTimeInterval(TimeInterval(duration.seconds))
    }

    /// The first moment at or after `date` that falls on one of `weekdays` (any day when empty) at `time` (the start of
    /// the day when nil, or `date` itself when it already is on an allowed day).
    public func nextMatch(atOrAfter date: Date, time: TimeOfDay?, weekdays: [Weekday]) -> Date {
        let allowed = Set(weekdays.map(\.calendarWeekday))
        let startOfDay = calendar.startOfDay(for: date)
        for offset in 0...8 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: startOfDay) else { continue }
            if !allowed.isEmpty, !allowed.contains(calendar.component(.weekday, from: day)) { continue }
            guard let time else { return offset == 0 ? date : day }
            if let moment = at(time, on: day), moment >= date { return moment }
        }
        return date
    }

    /// The instant of a local time on the local day containing `day`. A time skipped by a daylight-saving change moves
    /// forward by the gap (02:30 on the spring-forward night in Paris is 03:30); a repeated time takes its first instant.
    public func at(_ time: TimeOfDay, on day: Date) -> Date? {
        var components = calendar.dateComponents([.year, .month, .day], from: day)
        components.hour = time.hour
        components.minute = time.minute
        components.second = 0
        return calendar.date(from: components)
    }

    /// The instant of a local time on a civil date.
    public func at(_ time: TimeOfDay, year: Int, month: Int, day: Int) -> Date? {
        at(time, on: calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0))
    }

    /// When a contact-date trigger fires for a contact whose field holds `value` (`YYYY-MM-DD` or an ISO 8601 time):
    /// the first firing at or after `onOrAfter` for yearly triggers (29 February becomes 28 February in other years),
    /// or the single firing (which may be in the past) otherwise. Nil when the value is not a date.
    public func firing(of trigger: DateTrigger, value: String, onOrAfter: Date) -> Date? {
        let civil: (year: Int, month: Int, day: Int)
        if let day = Timestamp.parseDay(value) {
            civil = day
        } else if let instant = Timestamp.parse(value) {
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
            civil = (year, month, day)
        } else {
            return nil
        }
        func firing(year: Int) -> Date? {
            var day = civil.day
            if civil.month == 2, day == 29, !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) { day = 28 }
            let shifted = Timestamp.civilFromDays(Timestamp.daysFromCivil(year: year, month: civil.month, day: day) + trigger.offsetDays)
            return at(trigger.at, year: shifted.0, month: shifted.1, day: shifted.2)
        }
        guard trigger.yearly else { return firing(year: civil.year) }
        let startYear = calendar.component(.year, from: onOrAfter) - 1
        for year in startYear...(startYear + 2) {
            if let moment = firing(year: year), moment >= onOrAfter { return moment }
        }
        return nil
    }

    /// The local calendar day of an instant, `YYYY-MM-DD`: a date trigger's `trigger.occurrence`.
    public func day(of date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    /// The first firing of a schedule strictly after `date`.
    public func nextFiring(of schedule: FlowSchedule, after date: Date) -> Date {
        let candidate = nextMatch(atOrAfter: date, time: schedule.at, weekdays: schedule.weekdays)
        if candidate > date { return candidate }
        return nextMatch(atOrAfter: date.addingTimeInterval(60), time: schedule.at, weekdays: schedule.weekdays)
    }
}
