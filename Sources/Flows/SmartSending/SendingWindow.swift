/// When a channel may send, in the contact's local time: a daily window on chosen weekdays, optionally never on public holidays.
///
/// A moment is allowed when its weekday is listed, it is not a public holiday (if `skipPublicHolidays`), and
/// `start <= local time < end`. JSON: `{"start": "08:00", "end": "20:00", "days": ["mon", …, "sat"], "skip_public_holidays": true}`.
public struct SendingWindow: Sendable, Hashable, Codable {
    /// First allowed local time of day (inclusive).
    public var start: TimeOfDay
    /// End of the allowed time (exclusive); `24:00` allows until midnight.
    public var end: TimeOfDay
    /// Weekdays on which sending is allowed.
    public var days: Set<Weekday>
    /// Never send on a public holiday of the tenant's holiday calendar.
    public var skipPublicHolidays: Bool

    public init(start: TimeOfDay, end: TimeOfDay, days: Set<Weekday>, skipPublicHolidays: Bool) {
        self.start = start
        self.end = end
        self.days = days
        self.skipPublicHolidays = skipPublicHolidays
    }

    /// 08:00–20:00, Monday to Saturday, never on public holidays: the French practice for marketing SMS.
    public static let frenchMessaging = SendingWindow(
        start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 20, minute: 0),
        days: [.monday, .tuesday, .wednesday, .thursday, .friday, .saturday], skipPublicHolidays: true
    )

    enum CodingKeys: String, CodingKey {
        case start, end, days
        case skipPublicHolidays = "skip_public_holidays"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SendingWindow.frenchMessaging
        start = try container.decodeIfPresent(TimeOfDay.self, forKey: .start) ?? defaults.start
        end = try container.decodeIfPresent(TimeOfDay.self, forKey: .end) ?? defaults.end
        days = try container.decodeIfPresent(Set<Weekday>.self, forKey: .days) ?? defaults.days
        skipPublicHolidays = try container.decodeIfPresent(Bool.self, forKey: .skipPublicHolidays) ?? defaults.skipPublicHolidays
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(Weekday.allCases.filter { days.contains($0) }, forKey: .days)
        try container.encode(skipPublicHolidays, forKey: .skipPublicHolidays)
    }

    /// Throws when the window can never be open.
    public func validate(field: String) throws(SmartSendingSettingsError) {
        guard start.minutes < end.minutes else {
            throw SmartSendingSettingsError(
                code: "invalid_sending_window", field: "\(field).end",
                message: "the end \(end) must come after the start \(start) on the same day"
            )
        }
        guard !days.isEmpty else {
            throw SmartSendingSettingsError(code: "invalid_sending_window", field: "\(field).days", message: "at least one weekday is needed")
        }
    }
}

extension SendingWindow {
    /// A day of the week. Raw values are the persisted three-letter codes.
    public enum Weekday: String, Sendable, Hashable, Codable, CaseIterable {
        case monday = "mon", tuesday = "tue", wednesday = "wed", thursday = "thu", friday = "fri", saturday = "sat", sunday = "sun"

        /// 0 for Monday … 6 for Sunday.
        var index: Int {
            switch self {
            case .monday: 0
            case .tuesday: 1
            case .wednesday: 2
            case .thursday: 3
            case .friday: 4
            case .saturday: 5
            case .sunday: 6
            }
        }
    }

    /// A wall-clock time of day, `00:00` to `24:00`. Codable as `"HH:MM"`.
    public struct TimeOfDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
        /// Minutes since midnight, 0…1440.
        public let minutes: Int

        /// A time of day; the hour and minute are clamped to 00:00…24:00.
        public init(hour: Int, minute: Int) {
            minutes = min(max(hour * 60 + minute, 0), 1440)
        }

        /// Parses `"HH:MM"` (`"8:00"` accepted); nil when it is not a time of day.
        public init?(_ text: String) {
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
                let hour = Int(parts[0]), let minute = Int(parts[1]),
                (0...59).contains(minute), (0...24).contains(hour), hour < 24 || minute == 0
            else { return nil }
            minutes = hour * 60 + minute
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let time = TimeOfDay(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "\"\(text)\" is not a time of day (expected HH:MM, 00:00 to 24:00)"
                )
            }
            self = time
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }

        public var description: String {
            let hour = minutes / 60, minute = minutes % 60
            return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
        }

        public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
    }
}
