import AutopilotCore
import Foundation

/// Send-time optimisation for `send` steps marked `send_time: optimal` (docs/smart-sending.md): the local hour at which a
/// contact opens and clicks most, from their own engagement when there is enough of it, else from the tenant's, kept
/// inside the channel's sending window. Pure: the shell passes the local hours of the opens and clicks.
public enum SendTimeOptimizer {
    /// Whose engagement chose the hour. Raw values are shown and persisted in the message's options.
    public enum Source: String, Sendable, Hashable {
        case contact, tenant
    }

    public struct Choice: Sendable, Hashable {
        public var hour: Int
        public var source: Source

        public init(hour: Int, source: Source) {
            self.hour = hour
            self.source = source
        }
    }

    /// Opens and clicks a contact needs before their own hours are trusted.
    public static let minimumContactEngagements = 5
    /// Opens and clicks the tenant needs before its hours stand in for a contact's.
    public static let minimumTenantEngagements = 30

    /// The best allowed hour, or nil when neither the contact nor the tenant has enough engagement (send as planned).
    /// Each hour scores its own count plus half of each neighbour's (people who open at 9:50 and 10:10 agree), counted
    /// round the clock; ties go to the earliest allowed hour.
    public static func bestHour(contactHours: [Int], tenantHours: [Int], allowedHours: Set<Int>) -> Choice? {
        guard !allowedHours.isEmpty else { return nil }
        if contactHours.count >= minimumContactEngagements, let hour = peak(contactHours, allowed: allowedHours) {
            return Choice(hour: hour, source: .contact)
        }
        if tenantHours.count >= minimumTenantEngagements, let hour = peak(tenantHours, allowed: allowedHours) {
            return Choice(hour: hour, source: .tenant)
        }
        return nil
    }

    static func peak(_ hours: [Int], allowed: Set<Int>) -> Int? {
        var counts = [Double](repeating: 0, count: 24)
        for hour in hours where (0..<24).contains(hour) { counts[hour] += 1 }
        var best: (hour: Int, score: Double)?
        for hour in allowed.sorted() where (0..<24).contains(hour) {
            let score = counts[hour] + 0.5 * (counts[(hour + 23) % 24] + counts[(hour + 1) % 24])
            if best == nil || score > best!.score { best = (hour, score) }
        }
        guard let best, best.score > 0 else { return nil }
        return best.hour
    }

    /// The hours of the day a sending window is open at some point (its start hour to the hour its end falls in).
    public static func allowedHours(_ window: SendingWindow?) -> Set<Int> {
        guard let window else { return Set(0..<24) }
        let first = window.start.minutes / 60
        let last = min((window.end.minutes - 1) / 60, 23)
        guard window.end.minutes > window.start.minutes, first <= last else { return [] }
        return Set(first...last)
    }

    /// The local hour of each moment in the zone.
    public static func localHours(_ moments: [Date], timeZone: TimeZone) -> [Int] {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return moments.map { calendar.component(.hour, from: $0) }
    }

    /// When to send: `planned` itself when it already falls in the chosen hour, else the start of the next such hour
    /// (within the next 24 hours) in the contact's time zone.
    public static func moment(planned: Date, hour: Int, timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if calendar.component(.hour, from: planned) == hour { return planned }
        let start = calendar.dateInterval(of: .hour, for: planned)?.start ?? planned
        for offset in 1...25 {
            let candidate = start.addingTimeInterval(TimeInterval(offset * 3_600))
            if calendar.component(.hour, from: candidate) == hour { return candidate }
        }
        return planned
    }
}
