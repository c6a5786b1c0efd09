import AutopilotCore
import Foundation

/// Seven UTC days, `start` (midnight) up to `end` (exclusive), named by the last day (`weekEnding`, YYYY-MM-DD).
public struct ReportWeek: Sendable, Hashable {
    public var start: Date
    public var end: Date

    /// The week whose last day is `day` (YYYY-MM-DD); `ValidationError` naming `week_ending` otherwise.
    public init(ending day: String) throws {
        let parts = day.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            let date = Int(parts[2]), let midnight = Self.calendar.date(from: DateComponents(year: year, month: month, day: date)),
            Self.day(midnight) == day
        else {
            throw ValidationError(code: "invalid_report_request", field: "week_ending", message: "\"\(day)\" is not a date such as 2026-03-15")
        }
        self.init(lastDay: midnight)
    }

    /// The seven days that ended before `now`'s day (the last full week).
    public init(lastCompletedBefore now: Date) {
        let today = Self.calendar.startOfDay(for: now)
        self.init(lastDay: today.addingTimeInterval(-86_400))
    }

    private init(lastDay: Date) {
        self.end = lastDay.addingTimeInterval(86_400)
        self.start = lastDay.addingTimeInterval(-6 * 86_400)
    }

    /// The seven days before.
    public var previous: ReportWeek {
        var week = self
        week.start = start.addingTimeInterval(-7 * 86_400)
        week.end = start
        return week
    }

    /// The first day, YYYY-MM-DD.
    public var firstDay: String { Self.day(start) }
    /// The last day, YYYY-MM-DD.
    public var weekEnding: String { Self.day(end.addingTimeInterval(-86_400)) }

    package var jsonValue: JSONValue {
        [
            "start": .string(Timestamp.format(start)), "end": .string(Timestamp.format(end)), "first_day": .string(firstDay),
            "week_ending": .string(weekEnding),
        ]
    }

    package static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    package static func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 0
        let month = parts.month ?? 0
        let day = parts.day ?? 0
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
