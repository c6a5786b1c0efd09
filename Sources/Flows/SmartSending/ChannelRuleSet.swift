import Foundation

/// One channel's rules compiled for fast decisions: the cap in seconds, the window in seconds of the day and a weekday mask.
struct ChannelRuleSet: Sendable {
    struct Cap: Sendable {
        var messages: Int
        var window: TimeInterval
    }

    var frequencyCap: Cap?
    var window: CompiledWindow?

    init(_ rules: ChannelSendingRules, holidays: PublicHolidayCalendar) {
        frequencyCap = rules.frequencyCap.map { Cap(messages: max($0.messages, 1), window: $0.window) }
        window = rules.sendingWindow.map { CompiledWindow($0, holidays: holidays) }
    }
}

/// A ``SendingWindow`` as seconds of the day and a weekday bit mask (bit 0 Monday … bit 6 Sunday).
struct CompiledWindow: Sendable {
    /// When the window next lets a message through.
    enum Opening: Sendable, Hashable {
        /// Open at the moment asked about.
        case openNow
        /// Closed at the moment asked about (for `blockedBy`); opens at `at`.
        case opensAt(Date, blockedBy: SendBlockReason)
        /// Does not open before the limit.
        case closedUntilAfterLimit(blockedBy: SendBlockReason)
    }

    /// The longest search, in days, whatever the limit.
    static let searchDays = 400

    var startSecond: Int
    var endSecond: Int
    var dayMask: Int
    var holidays: PublicHolidayCalendar

    init(_ window: SendingWindow, holidays: PublicHolidayCalendar) {
        startSecond = window.start.minutes * 60
        endSecond = window.end.minutes * 60
        dayMask = window.days.reduce(0) { $0 | (1 << $1.index) }
        self.holidays = window.skipPublicHolidays ? holidays : .none
    }

    /// Why a whole local day is closed, or nil when the window opens on it.
    func closure(ofDay dayNumber: Int) -> SendBlockReason? {
        let weekday = CivilDate.weekdayIndex(dayNumber: dayNumber)
        if dayMask & (1 << weekday) == 0 { return weekday == 6 ? .sunday : .quietHours }
        if holidays != .none {
            let date = CivilDate(dayNumber: dayNumber)
            if holidays.isHoliday(year: date.year, month: date.month, day: date.day) { return .publicHoliday }
        }
        return nil
    }

    /// The first moment at or after `instant` when the window is open, searching no further than the local day after `limit`.
    func nextOpening(atOrAfter instant: Date, clock: LocalWallClock, notAfter limit: Date) -> Opening {
        guard startSecond < endSecond, dayMask != 0 else { return .closedUntilAfterLimit(blockedBy: .quietHours) }
        let moment = clock.moment(at: instant)
        let limitDay = max(clock.moment(at: limit).dayNumber + 1, moment.dayNumber)
        let lastDay = min(limitDay, moment.dayNumber + CompiledWindow.searchDays)
        var blockedBy: SendBlockReason?
        var day = moment.dayNumber
        while day <= lastDay {
            if let closure = closure(ofDay: day) {
                blockedBy = blockedBy ?? closure
            } else if day != moment.dayNumber {
                return .opensAt(clock.instant(dayNumber: day, secondOfDay: startSecond), blockedBy: blockedBy ?? .quietHours)
            } else if moment.secondOfDay < startSecond {
                var opening = clock.instant(dayNumber: day, secondOfDay: startSecond)
                if opening <= instant { opening = instant.addingTimeInterval(Double(startSecond - moment.secondOfDay)) }
                return .opensAt(opening, blockedBy: .quietHours)
            } else if moment.secondOfDay < endSecond {
                return .openNow
            } else {
                blockedBy = .quietHours
            }
            day += 1
        }
        return .closedUntilAfterLimit(blockedBy: blockedBy ?? .quietHours)
    }
}
