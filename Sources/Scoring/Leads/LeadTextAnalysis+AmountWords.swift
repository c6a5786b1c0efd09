import Foundation

extension LeadTextAnalysis {
    /// Amounts written in words ("cinq cents", "deux mille", "fifteen hundred", "a thousand") as numbers of at least 10,
    /// so that the budget rules read them like digits.
    static func wordNumbers(in text: LeadText, matches: [LeadPhraseMatch]) -> [LeadNumber] {
        let words = matches.filter { $0.cue.family == .amountWord }
        var numbers: [LeadNumber] = []
        var index = 0
        while index < words.count {
            var run = [words[index]]
            var next = index + 1
            while next < words.count, isAdjacent(run[run.count - 1], words[next], in: text) {
                run.append(words[next])
                next += 1
            }
            index = next
            for group in splitAtInvalidJoiners(run) {
                if let number = number(from: group, in: text) { numbers.append(number) }
            }
        }
        return numbers
    }

    private static func isAdjacent(_ first: LeadPhraseMatch, _ second: LeadPhraseMatch, in text: LeadText) -> Bool {
        guard second.start > first.end else { return false }
        return (first.end..<second.start).allSatisfy { LeadText.isSeparator(text.bytes[$0]) && text.bytes[$0] != 0x0A }
    }

    private static func role(_ match: LeadPhraseMatch) -> (value: Int, role: LeadAmountWordRole) {
        if case .amountWord(let value, let role) = match.cue { return (value, role) }
        return (0, .joiner)
    }

    /// "et" joins only "vingt et un"; "and" only follows "hundred" ("one hundred and fifty"). Elsewhere they split.
    private static func splitAtInvalidJoiners(_ run: [LeadPhraseMatch]) -> [[LeadPhraseMatch]] {
        var groups: [[LeadPhraseMatch]] = [[]]
        for (position, word) in run.enumerated() {
            let current = role(word)
            guard current.role == .joiner else {
                groups[groups.count - 1].append(word)
                continue
            }
            let before = position > 0 ? role(run[position - 1]) : (0, .joiner)
            let after = position + 1 < run.count ? role(run[position + 1]) : (0, .joiner)
            let joinsTens =
                before.role == .add && before.value >= 20 && before.value % 10 == 0 && after.role == .add
                && (after.value == 1 || after.value == 11)
            let joinsHundred = before.role == .hundred && after.role == .add
            if !(joinsTens || joinsHundred) { groups.append([]) }
        }
        return groups.filter { !$0.isEmpty }
    }

    private static func number(from group: [LeadPhraseMatch], in text: LeadText) -> LeadNumber? {
        guard let first = group.first, let last = group.last else { return nil }
        let before = text.skipSpacesBackward(from: first.start)
        if before > 0, LeadText.isDigit(text.bytes[before - 1]) { return nil }
        var total = 0
        var current = 0
        for word in group {
            let (value, role) = role(word)
            switch role {
            case .add: current = (value == 20 && current % 100 == 4) ? current - 4 + 80 : current + value
            case .hundred: current = max(current, 1) * 100
            case .thousand:
                total += max(current, 1) * 1000
                current = 0
            case .joiner: continue
            }
        }
        let value = total + current
        guard value >= 10 else { return nil }
        if group.count == 1, case .amountWord(_, .hundred) = first.cue {
            var start = before
            while start > 0, LeadText.isLetter(text.bytes[start - 1]) { start -= 1 }
            let word = String(decoding: text.bytes[start..<before], as: UTF8.self)
            if word == "pour" || word == "per" { return nil }
        }
        return LeadNumber(start: first.start, end: last.end, value: Double(value), isPlain: false)
    }
}
