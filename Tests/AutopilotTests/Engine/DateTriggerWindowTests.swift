import AutopilotCore
import Flows
import Foundation
import Storage
import Testing

@testable import Engine

/// The date sweep's quick filter never drops a contact whose date fires in the window (the exact firing still decides
/// for the others), across time zones, daylight-saving changes, 29 February, offsets and ISO 8601 times.
@Suite struct DateTriggerWindowTests {
    static let zones = ["Europe/Paris", "America/New_York", "Africa/Casablanca", "Pacific/Kiritimati", "Pacific/Pago_Pago", "UTC"]
    static func time(_ hour: Int, _ minute: Int) -> TimeOfDay {
        guard let time = TimeOfDay(hour: hour, minute: minute) else { fatalError("not a time of day") }
        return time
    }
    static let triggers = [
        DateTrigger(property: "birthdate", offsetDays: 0, at: time(9, 0), yearly: true),
        DateTrigger(property: "birthdate", offsetDays: -7, at: time(2, 30), yearly: true),
        DateTrigger(property: "last_order_at", offsetDays: 60, at: time(10, 0), yearly: false),
        DateTrigger(property: "created_at", offsetDays: 1, at: time(23, 45), yearly: true),
    ]
    static let values = [
        "1990-03-08", "1985-03-09", "2000-02-29", "1996-02-28", "1979-03-29", "1992-04-05", "2001-03-30", "1970-01-01",
        "2026-01-07T08:15:00Z", "2026-01-08T23:30:00Z", "2026-01-28T00:10:00+02:00", "2026-01-29T22:00:00-05:00", "not a date",
    ]

    /// Hourly windows over the American and European spring-forward weeks, and a few longer ones.
    static var windows: [(since: Date, now: Date)] {
        var result: [(Date, Date)] = []
        for start in ["2026-03-05T00:00:00Z", "2026-03-25T00:00:00Z"] {
            let first = Timestamp.parse(start) ?? Date(timeIntervalSince1970: 0)
            for hour in 0..<(7 * 24) {
                let since = first.addingTimeInterval(Double(hour) * 3_600 + 600)
                result.append((since, since.addingTimeInterval(3_600)))
            }
        }
        let longer = Timestamp.parse("2026-02-20T07:00:00Z") ?? Date(timeIntervalSince1970: 0)
        for days in [1.0, 3.5, 10, 45] { result.append((longer, longer.addingTimeInterval(days * 86_400))) }
        return result
    }

    @Test func keepsEveryDateThatFiresInTheWindow() {
        var fired = 0
        var kept = 0
        var checked = 0
        for zone in Self.zones {
            let calendar = LocalCalendar(timeZoneIdentifier: zone)
            for trigger in Self.triggers {
                for (since, now) in Self.windows {
                    var window = DateTriggerWindow(trigger: trigger, since: since, now: now)
                    for value in Self.values {
                        let mayFire = window.mayFire(value, zone: zone, calendar: calendar)
                        checked += 1
                        if mayFire { kept += 1 }
                        guard let firing = calendar.firing(of: trigger, value: value, onOrAfter: since), firing > since, firing <= now else {
                            continue
                        }
                        fired += 1
                        #expect(mayFire, "\(value) fires at \(Timestamp.format(firing)) in \(zone) (\(trigger.property))")
                    }
                }
            }
        }
        #expect(fired > 50, "the windows hold firings to check")
        #expect(kept < checked / 10, "most dates are filtered out without calendar arithmetic")
    }

    /// What the store is asked for (`storeWindow`, applied as SQL applies it) never drops a date that fires either.
    @Test func theStoreWindowKeepsEveryDateThatFires() {
        func kept(_ value: String, by window: ContactDateWindow?, property: String) -> Bool {
            guard let window else { return true }
            let isText = property == "birthdate"
            switch window {
            case .monthDays(let days): return !isText || days.contains(String(value.dropFirst(5).prefix(5)))
            case .days(let from, let to):
                if isText {
                    guard let day = Timestamp.parseDay(value) else { return false }
                    return (from..<to).contains(Timestamp.daysFromCivil(year: day.year, month: day.month, day: day.day))
                }
                guard let instant = Timestamp.parse(value) else { return false }
                let milliseconds = Int64((instant.timeIntervalSince1970 * 1000).rounded())
                return milliseconds >= Int64(from) * 86_400_000 && milliseconds < Int64(to) * 86_400_000
            }
        }
        var fired = 0
        var filtered = 0
        for zone in Self.zones {
            let calendar = LocalCalendar(timeZoneIdentifier: zone)
            for trigger in Self.triggers {
                for (since, now) in Self.windows {
                    var window = DateTriggerWindow(trigger: trigger, since: since, now: now)
                    guard window.canFire(in: zone, calendar: calendar) else { continue }
                    let asked = window.storeWindow(property: trigger.property)
                    if asked != nil { filtered += 1 }
                    // The values as the store holds them: instants of a column come back in UTC.
                    for value in Self.values where trigger.property == "birthdate" ? Timestamp.parseDay(value) != nil : Timestamp.parse(value) != nil {
                        guard let firing = calendar.firing(of: trigger, value: value, onOrAfter: since), firing > since, firing <= now else {
                            continue
                        }
                        fired += 1
                        #expect(kept(value, by: asked, property: trigger.property), "\(value) fires at \(Timestamp.format(firing)) in \(zone)")
                    }
                }
            }
        }
        #expect(fired > 20, "the windows hold firings to check")
        #expect(filtered > 100, "most windows are filtered in the store")
    }

    @Test func aLongWindowIsNotFiltered() {
        let since = Timestamp.parse("2026-01-01T00:00:00Z") ?? Date(timeIntervalSince1970: 0)
        var window = DateTriggerWindow(trigger: Self.triggers[0], since: since, now: since.addingTimeInterval(90 * 86_400))
        let kept = window.mayFire("1990-07-14", zone: "UTC", calendar: LocalCalendar(timeZoneIdentifier: "UTC"))
        #expect(kept)
    }

    @Test func aWindowWithoutTheTriggerTimeLetsNothingThrough() {
        // 12:00 to 13:00 in Paris holds no 09:00: no birthday can fire, whatever the date.
        let since = Timestamp.parse("2026-06-10T10:00:00Z") ?? Date(timeIntervalSince1970: 0)
        var window = DateTriggerWindow(trigger: Self.triggers[0], since: since, now: since.addingTimeInterval(3_600))
        let calendar = LocalCalendar(timeZoneIdentifier: "Europe/Paris")
        let sameDay = window.mayFire("1990-06-10", zone: "Europe/Paris", calendar: calendar)
        let nextDay = window.mayFire("1990-06-11", zone: "Europe/Paris", calendar: calendar)
        #expect(!sameDay && !nextDay)
    }
}
