import Flows
import Foundation

/// A callback's time as people read it, in the tenant's zone: `mardi 31 mars à 9h30`, `Tuesday 31 March at 9:30`. Pure.
public enum CallbackWording {
    /// French for a French locale (`fr`, `fr-CA`), English otherwise — the variant the templates choose.
    public static func language(of locale: String?) -> String {
        (locale ?? "").lowercased().hasPrefix("fr") ? "fr" : "en"
    }

    public static func when(_ instant: Date, timeZone: TimeZone, language: String) -> String {
        let moment = LocalWallClock(timeZone: timeZone).moment(at: instant)
        let date = moment.date
        let hour = moment.secondOfDay / 3_600
        let minute = (moment.secondOfDay % 3_600) / 60
        let minutes = (minute < 10 ? "0" : "") + "\(minute)"
        if language == "fr" {
            return "\(frenchDays[moment.weekdayIndex]) \(date.day == 1 ? "1er" : "\(date.day)") \(frenchMonths[date.month - 1]) à \(hour)h\(minutes)"
        }
        return "\(englishDays[moment.weekdayIndex]) \(date.day) \(englishMonths[date.month - 1]) at \(hour):\(minutes)"
    }

    /// `2026-03-31T09:30:00+02:00`: the local time with its offset.
    public static func localISO(_ instant: Date, timeZone: TimeZone) -> String {
        let moment = LocalWallClock(timeZone: timeZone).moment(at: instant)
        let offset = timeZone.secondsFromGMT(for: instant) / 60
        func two(_ value: Int) -> String { (value < 10 ? "0" : "") + "\(value)" }
        let seconds = moment.secondOfDay
        let sign = offset < 0 ? "-" : "+"
        return "\(moment.date)T\(two(seconds / 3_600)):\(two(seconds % 3_600 / 60)):\(two(seconds % 60))\(sign)\(two(abs(offset) / 60)):\(two(abs(offset) % 60))"
    }

    static let frenchDays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
    static let englishDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let frenchMonths = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
    static let englishMonths = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
}
