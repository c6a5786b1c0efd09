/// What starts a run of a flow.
public enum FlowTrigger: Sendable, Hashable {
    /// An event of this type, optionally only when the condition (over `event.*` and `contact.*`) holds.
    case event(type: String, condition: Condition?)
    /// A date of the contact (`birthdate`, `last_order_at`, an attribute), shifted by whole days, at a local time in the
    /// contact's time zone. `yearly` repeats on the anniversary (birthdays).
    case date(DateTrigger)
    /// A tenant-time schedule such as `every day 09:00`; `condition` selects the contacts it applies to.
    case schedule(FlowSchedule, condition: Condition?)
    /// Started by a person or the API.
    case manual
    /// Delegated: a pending recommendation of this rule (`silence`, `not_opened`, …) starts a run instead of waiting for a
    /// person to accept it. Such flows are off until the tenant turns them on.
    case recommendation(rule: String)

    /// The rule a delegated flow acts on.
    public var recommendationRule: String? {
        if case .recommendation(let rule) = self { return rule }
        return nil
    }

    /// The event type for event triggers.
    public var eventType: String? {
        if case .event(let type, _) = self { return type }
        return nil
    }
}

/// A contact-date trigger: `birthdate` − 7 days at 10:00 in the contact's time zone.
public struct DateTrigger: Sendable, Hashable {
    /// A contact field holding a `YYYY-MM-DD` date or an ISO 8601 time: `birthdate`, `first_order_at`, `last_order_at`,
    /// `created_at`, or `attributes.NAME`.
    public var property: String
    public var offsetDays: Int
    public var at: TimeOfDay
    public var yearly: Bool

    public init(property: String, offsetDays: Int, at: TimeOfDay, yearly: Bool) {
        self.property = property
        self.offsetDays = offsetDays
        self.at = at
        self.yearly = yearly
    }
}

/// A recurring moment in the tenant's time zone: every day, or every given weekday, at a time of day.
public struct FlowSchedule: Sendable, Hashable, CustomStringConvertible {
    /// Empty: every day.
    public var weekdays: [Weekday]
    public var at: TimeOfDay

    public init(weekdays: [Weekday] = [], at: TimeOfDay) {
        self.weekdays = weekdays
        self.at = at
    }

    /// Parses `every day 09:00`, `every monday 09:00`, `every monday,thursday 18:30`.
    public static func parse(_ text: String) -> FlowSchedule? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        guard words.count == 3, words[0] == "every", let at = TimeOfDay.parse(words[2]) else { return nil }
        if words[1] == "day" { return FlowSchedule(at: at) }
        let days = words[1].split(separator: ",").map { Weekday(rawValue: String($0)) }
        guard !days.isEmpty, days.allSatisfy({ $0 != nil }) else { return nil }
        return FlowSchedule(weekdays: days.compactMap { $0 }, at: at)
    }

    public var description: String {
        "every \(weekdays.isEmpty ? "day" : weekdays.map(\.rawValue).joined(separator: ",")) \(at)"
    }
}
