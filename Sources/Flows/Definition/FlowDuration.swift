import Foundation

/// A length of time written `20m`, `1h`, `3d`, `2w` or combined (`1h30m`).
///
/// Seconds, minutes and hours are exact; days and weeks are calendar days in the contact's time zone, so `3d` after 10:00
/// is 10:00 three days later even across a daylight-saving change.
public struct FlowDuration: Sendable, Hashable, CustomStringConvertible {
    /// Exact seconds (from `s`, `m`, `h`).
    public var seconds: Int
    /// Calendar days (from `d`, `w`).
    public var days: Int

    public init(seconds: Int = 0, days: Int = 0) {
        self.seconds = seconds
        self.days = days
    }

    public static func minutes(_ value: Int) -> FlowDuration { FlowDuration(seconds: value * 60) }
    public static func hours(_ value: Int) -> FlowDuration { FlowDuration(seconds: value * 3600) }
    public static func days(_ value: Int) -> FlowDuration { FlowDuration(days: value) }

    /// Parses a duration; nil when the text is not one (`2x`, `h`, empty, or more than ten years).
    public static func parse(_ text: String) -> FlowDuration? {
        var duration = FlowDuration()
        var number = ""
        var sawUnit = false
        for character in text.trimmingCharacters(in: .whitespaces) {
            if character.isASCII, character.isNumber {
                number.append(character)
                guard number.count <= 6 else { return nil }
                continue
            }
            guard let value = Int(number) else { return nil }
            number = ""
            sawUnit = true
            switch character {
            case "s": duration.seconds += value
            case "m": duration.seconds += value * 60
            case "h": duration.seconds += value * 3600
            case "d": duration.days += value
            case "w": duration.days += value * 7
            default: return nil
            }
        }
        guard number.isEmpty, sawUnit, duration.seconds <= 3650 * 86_400, duration.days <= 3650 else { return nil }
        return duration
    }

    public var isZero: Bool { seconds == 0 && days == 0 }

    public var description: String {
        var text = ""
        if days > 0 { text += days % 7 == 0 ? "\(days / 7)w" : "\(days)d" }
        var rest = seconds
        if rest >= 3600 {
            text += "\(rest / 3600)h"
            rest %= 3600
        }
        if rest >= 60 {
            text += "\(rest / 60)m"
            rest %= 60
        }
        if rest > 0 || text.isEmpty { text += "\(rest)s" }
        return text
    }
}
