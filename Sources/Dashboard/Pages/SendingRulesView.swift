import Flows
import Foundation

/// The sending rules in words: per channel, how often a person may be written to and when.
struct SendingRulesView {
    let rules: SmartSendingSettings
    let strings: Strings

    var rows: [[String: Any]] {
        [("email", rules.email), ("sms", rules.sms), ("whatsapp", rules.whatsapp)].map { channel, rule in
            [
                "channel": strings["channel_\(channel)"],
                "cap": rule.frequencyCap.map { cap in
                    strings.format("settings_cap", String(cap.messages), Self.hours(cap.windowHours))
                } ?? strings["settings_no_cap"],
                "window": rule.sendingWindow.map(window) ?? strings["settings_any_time"],
            ]
        }
    }

    func window(_ window: SendingWindow) -> String {
        let days = SendingWindow.Weekday.allCases.filter { window.days.contains($0) }.map { strings["weekday_\($0.rawValue)"] }
        var text = strings.format("settings_window", window.start.description, window.end.description, days.joined(separator: ", "))
        if window.skipPublicHolidays { text += strings["settings_not_holidays"] }
        return text
    }

    static func hours(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
