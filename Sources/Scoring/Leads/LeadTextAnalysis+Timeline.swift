import Foundation

extension LeadTextAnalysis {
    /// The timeline: the soonest firm mention (a phrase, a delay such as "dans deux mois", or with a reference date a
    /// month or quarter such as "d'ici fin mars"), else "no rush" (later), else nil.
    func readTimeline(dates: LeadDateContext? = nil) -> (LeadTimeline, FieldEvidence)? {
        var firm: (timeline: LeadTimeline, start: Int, end: Int, rule: String)?
        var vague: LeadPhraseMatch?
        func consider(_ timeline: LeadTimeline, _ start: Int, _ end: Int, _ rule: String) {
            if let current = firm, Self.order(current.timeline) <= Self.order(timeline) { return }
            firm = (timeline, start, end, rule)
        }
        for match in matches {
            switch match.cue {
            case .timeline(let timeline): consider(timeline, match.start, match.end, match.rule)
            case .noRush: if vague == nil { vague = match }
            case .timeUnit(let days):
                if let delay = delay(before: match, unitDays: days) {
                    consider(Self.bucket(days: delay.days), delay.start, match.end, match.rule)
                }
            default: continue
            }
        }
        if let dates {
            for delay in calendarDelays(dates) {
                consider(Self.bucket(days: delay.days), delay.start, delay.end, "timeline.date")
            }
        }
        if let firm { return (firm.timeline, text.evidence(start: firm.start, end: firm.end, rule: firm.rule)) }
        if let vague { return (.later, text.evidence(start: vague.start, end: vague.end, rule: vague.rule)) }
        return nil
    }

    private static func order(_ timeline: LeadTimeline) -> Int {
        switch timeline {
        case .immediate: 0
        case .month: 1
        case .quarter: 2
        case .later: 3
        }
    }

    /// Immediate up to a week, month up to 31 days, quarter up to 92 days, later beyond.
    static func bucket(days: Int) -> LeadTimeline {
        switch days {
        case ...7: .immediate
        case ...31: .month
        case ...92: .quarter
        default: .later
        }
    }

    /// "dans 2 mois", "in 3 weeks", "d'ici 2-3 mois", "les 3 prochains mois", "within a couple of weeks": the delay in
    /// days (the lower bound of a range) and where the phrase starts.
    private func delay(before unit: LeadPhraseMatch, unitDays: Int) -> (days: Int, start: Int)? {
        var position = text.skipSpacesBackward(from: unit.start)
        var sawNextWord = false
        if let next = match(endingAt: position, { $0 == .nextWord }) {
            sawNextWord = true
            position = text.skipSpacesBackward(from: next.start)
        }
        guard let count = countBefore(position) else { return nil }
        var before = text.skipSpacesBackward(from: count.start)
        if before > 0, bytes[before - 1] == 0x3A { before = text.skipSpacesBackward(from: before - 1) }
        let preposition = match(endingAt: before) { $0 == .timePreposition }
        let opener = word(before: count.start)
        guard preposition != nil || (sawNextWord && (opener == "les" || opener == "the")) else { return nil }
        let start = preposition?.start ?? (before - opener.utf8.count)
        let days = min(count.value, 10_000) * unitDays
        return (days, start)
    }

    /// The number just before `position`: digits, a range of digits ("2-3", "2 à 3") or a number word.
    private func countBefore(_ position: Int) -> (value: Int, start: Int)? {
        guard position > 0 else { return nil }
        if LeadText.isDigit(bytes[position - 1]) {
            var start = position
            while start > 0, LeadText.isDigit(bytes[start - 1]), position - start < 6 { start -= 1 }
            if start > 0, LeadText.isAlnum(bytes[start - 1]) { return nil }
            var value = Self.integer(bytes[start..<position])
            var rangeEnd = text.skipSpacesBackward(from: start)
            let connector = word(before: start)
            if ["a", "ou", "or", "to", "et", "and"].contains(connector) {
                rangeEnd = text.skipSpacesBackward(from: rangeEnd - connector.utf8.count)
            }
            if rangeEnd < start, rangeEnd > 0, LeadText.isDigit(bytes[rangeEnd - 1]) {
                var lower = rangeEnd
                while lower > 0, LeadText.isDigit(bytes[lower - 1]), rangeEnd - lower < 6 { lower -= 1 }
                value = min(value, Self.integer(bytes[lower..<rangeEnd]))
                start = lower
            }
            return (value, start)
        }
        guard let word = match(endingAt: position, { if case .numberWord = $0 { true } else { false } }),
            case .numberWord(let value) = word.cue
        else { return nil }
        return (value, word.start)
    }

    private static func integer(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }
}
