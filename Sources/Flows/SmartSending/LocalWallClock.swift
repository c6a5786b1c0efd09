import Foundation

/// Converts between instants and wall-clock times in one time zone with integer arithmetic, asking the `TimeZone`
/// only for its offset from UTC. Made once per decision; cheaper than a `Calendar` and exact across daylight-saving changes.
public struct LocalWallClock: Sendable {
    /// A wall-clock moment: the local civil day (days since 1970-01-01) and the second within it.
    public struct Moment: Sendable, Hashable {
        public var dayNumber: Int
        public var secondOfDay: Int

        public var date: CivilDate { CivilDate(dayNumber: dayNumber) }
        /// 0 for Monday … 6 for Sunday.
        public var weekdayIndex: Int { CivilDate.weekdayIndex(dayNumber: dayNumber) }
    }

    static let secondsPerDay = 86_400
    /// A bound on instants (about ±31,000 years) so that no conversion can overflow or trap.
    static let secondsBound = 1_000_000_000_000.0

    public let timeZone: TimeZone

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
    }

    /// Whole seconds since 1970 of an instant, rounded down and clamped; 0 for a non-finite instant.
    static func wholeSeconds(_ instant: Date) -> Int {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite else { return 0 }
        return Int(min(max(seconds, -secondsBound), secondsBound).rounded(.down))
    }

    func offset(atUTC seconds: Int) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The wall-clock moment at an instant.
    public func moment(at instant: Date) -> Moment {
        let utc = LocalWallClock.wholeSeconds(instant)
        let local = utc + offset(atUTC: utc)
        let day = local >= 0 ? local / LocalWallClock.secondsPerDay : (local + 1) / LocalWallClock.secondsPerDay - 1
        return Moment(dayNumber: day, secondOfDay: local - day * LocalWallClock.secondsPerDay)
    }

    /// The first instant whose wall-clock time is `secondOfDay` on local day `dayNumber`. When that time is skipped by a
    /// daylight-saving change (spring forward), the instant the same length of time after the change; when it occurs twice
    /// (fall back), the earlier.
    public func instant(dayNumber: Int, secondOfDay: Int) -> Date {
        let local = dayNumber * LocalWallClock.secondsPerDay + secondOfDay
        // Offsets in force shortly before and after any instant that could show this local time (zones span −12 h … +14 h).
        let before = offset(atUTC: local - 15 * 3600)
        let after = offset(atUTC: local + 13 * 3600)
        if before == after { return Date(timeIntervalSince1970: Double(local - before)) }
        let early = local - max(before, after), late = local - min(before, after)
        if offset(atUTC: early) == max(before, after) { return Date(timeIntervalSince1970: Double(early)) }
        if offset(atUTC: late) == min(before, after) { return Date(timeIntervalSince1970: Double(late)) }
        return Date(timeIntervalSince1970: Double(local - before))
    }
}
