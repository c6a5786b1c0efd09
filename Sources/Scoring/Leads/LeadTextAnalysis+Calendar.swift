import Foundation

/// The reference date that month and quarter names are read against.
struct LeadDateContext: Sendable {
    let now: Date
    let calendar: Calendar
}

extension LeadTextAnalysis {
    /// Dates named by month or quarter, as delays in days from `context.now`: "d'ici fin mars", "in September",
    /// "à partir de juin 2026", "Q3", "T1 2026", "à la rentrée". A month needs a placing word before it; a quarter or
    /// "la rentrée" does not. Without a year, the next such month (this one counts) is meant.
    func calendarDelays(_ context: LeadDateContext) -> [(days: Int, start: Int, end: Int)] {
        var delays: [(days: Int, start: Int, end: Int)] = []
        for match in matches {
            let month: Int
            var span = 1
            var anchor = LeadDateAnchor.start
            var start = match.start
            switch match.cue {
            case .calendarMonth(let value):
                guard let marker = self.match(endingAt: text.skipSpacesBackward(from: match.start), { $0.family == .dateMarker }),
                    case .dateMarker(let placed) = marker.cue
                else { continue }
                month = value
                anchor = placed
                start = marker.start
            case .calendarPeriod(let value, let months):
                month = value
                span = months
                if let marker = self.match(endingAt: text.skipSpacesBackward(from: match.start), { $0.family == .dateMarker }),
                    case .dateMarker(let placed) = marker.cue
                {
                    anchor = placed
                    start = marker.start
                }
            default: continue
            }
            var end = match.end
            let year = explicitYear(after: &end)
            if let days = Self.days(until: month, months: span, year: year, anchor: anchor, context) {
                delays.append((days, start, end))
            }
        }
        return delays
    }

    /// A year written right after a month or quarter: "mars 2026", "Q3 2025", "T1-2026".
    private func explicitYear(after end: inout Int) -> Int? {
        var position = end
        while position < bytes.count, position - end < 3, LeadText.isSeparator(bytes[position]) { position += 1 }
        guard let number = numbers.first(where: { $0.start == position }), number.isPlain,
            (2000...2100).contains(number.value), number.end - number.start == 4
        else { return nil }
        end = number.end
        return Int(number.value)
    }

    /// Days from now to the anchored day of the period (its first, middle or last day); while the period is under way,
    /// days to its end; nil when it is over.
    private static func days(
        until month: Int, months span: Int, year: Int?, anchor: LeadDateAnchor, _ context: LeadDateContext
    ) -> Int? {
        let calendar = context.calendar
        let today = calendar.dateComponents([.year, .month], from: context.now)
        guard let currentYear = today.year, let currentMonth = today.month else { return nil }
        let lastMonth = month + span - 1
        let targetYear = year ?? (lastMonth < currentMonth ? currentYear + 1 : currentYear)
        guard let periodStart = calendar.date(from: DateComponents(year: targetYear, month: month, day: 1)),
            let periodEnd = calendar.date(byAdding: DateComponents(month: span, second: -1), to: periodStart)
        else { return nil }
        let target: Date
        switch anchor {
        case .start: target = periodStart
        case .middle: target = periodStart.addingTimeInterval(periodEnd.timeIntervalSince(periodStart) / 2)
        case .end: target = periodEnd
        }
        let seconds = target.timeIntervalSince(context.now)
        if seconds >= 0 { return Int(seconds / 86_400) }
        let remaining = periodEnd.timeIntervalSince(context.now)
        return remaining >= 0 ? Int(remaining / 86_400) : nil
    }
}
