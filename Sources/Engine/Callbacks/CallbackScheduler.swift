import Flows
import Foundation

/// The callback slots a tenant offers: its business hours cut into slots of `slotMinutes`, in its time zone, from
/// `minimumNotice` after now up to `horizonDays` ahead, without public holidays or slots already booked. Wall-clock
/// times are converted with the zone's own offsets, so a slot is at 9:00 local on both sides of a daylight-saving change;
/// a time the change skips is not offered, and one it repeats is offered once. Pure.
public struct CallbackScheduler: Sendable {
    public var hours: BusinessHours
    public var timeZone: TimeZone
    public var slotMinutes: Int
    public var minimumNotice: TimeInterval
    public var horizonDays: Int
    public var holidays: PublicHolidayCalendar

    public init(
        hours: BusinessHours = .standard, timeZone: TimeZone, slotMinutes: Int = 30, minimumNotice: TimeInterval = 3_600, horizonDays: Int = 14,
        holidays: PublicHolidayCalendar = .none
    ) {
        self.hours = hours
        self.timeZone = timeZone
        self.slotMinutes = max(slotMinutes, 5)
        self.minimumNotice = max(minimumNotice, 0)
        self.horizonDays = max(horizonDays, 1)
        self.holidays = holidays
    }

    /// The first `count` free slots at or after `now + minimumNotice`, in order.
    public func slots(from now: Date, count: Int, booked: Set<Date> = []) -> [CallbackSlot] {
        guard count > 0 else { return [] }
        let clock = LocalWallClock(timeZone: timeZone)
        let earliest = now.addingTimeInterval(minimumNotice)
        let today = clock.moment(at: now).dayNumber
        var slots: [CallbackSlot] = []
        for day in today...(today + horizonDays) {
            for start in starts(on: day, clock: clock) where start >= earliest && !booked.contains(start) {
                slots.append(CallbackSlot(start: start, end: start.addingTimeInterval(Double(slotMinutes) * 60)))
                if slots.count == count { return slots }
            }
        }
        return slots
    }

    /// Whether `start` is a slot this scheduler offers at `now` (free, in hours, on a slot boundary, in the horizon).
    public func offers(_ start: Date, now: Date, booked: Set<Date> = []) -> Bool {
        guard start >= now.addingTimeInterval(minimumNotice), !booked.contains(start) else { return false }
        let clock = LocalWallClock(timeZone: timeZone)
        let day = clock.moment(at: start).dayNumber
        guard day <= clock.moment(at: now).dayNumber + horizonDays else { return false }
        return starts(on: day, clock: clock).contains(start)
    }

    /// The slot starts of one local day: every `slotMinutes` from each range's start while the slot ends by the range's
    /// end, leaving out wall times the zone skips that day and the ones it repeats after the first.
    func starts(on day: Int, clock: LocalWallClock) -> [Date] {
        let date = CivilDate(dayNumber: day)
        guard !holidays.isHoliday(year: date.year, month: date.month, day: date.day) else { return [] }
        var starts: [Date] = []
        for range in hours.days[date.weekdayIndex] {
            var minute = range.start
            while minute + slotMinutes <= range.end {
                let instant = clock.instant(dayNumber: day, secondOfDay: minute * 60)
                let shown = clock.moment(at: instant)
                if shown.dayNumber == day, shown.secondOfDay == minute * 60, starts.last.map({ $0 < instant }) ?? true {
                    starts.append(instant)
                }
                minute += slotMinutes
            }
        }
        return starts
    }
}

/// A callback slot: when it starts and ends.
public struct CallbackSlot: Sendable, Hashable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}
