import Foundation

/// A lead's text read once: folded bytes, the phrases found in them, the numbers and the phone numbers.
struct LeadTextAnalysis: Sendable {
    let text: LeadText
    let matches: [LeadPhraseMatch]
    let numbers: [LeadNumber]
    let phones: [Range<Int>]

    init(_ original: String, book: LeadPhraseBook = .standard) {
        text = LeadText(original)
        matches = book.matches(in: text)
        let scan = LeadNumberScanner.scan(text)
        let words = Self.wordNumbers(in: text, matches: matches)
        numbers = words.isEmpty ? scan.numbers : (scan.numbers + words).sorted { $0.start < $1.start }
        phones = scan.phones
    }

    var bytes: [UInt8] { text.bytes }

    /// The index of the first match starting at or after `position`.
    private func lowerBound(_ position: Int) -> Int {
        var low = 0
        var high = matches.count
        while low < high {
            let middle = (low + high) / 2
            if matches[middle].start < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The first match starting exactly at `position` whose cue passes `accept`.
    func match(startingAt position: Int, _ accept: (LeadCue) -> Bool) -> LeadPhraseMatch? {
        var index = lowerBound(position)
        var best: LeadPhraseMatch?
        while index < matches.count, matches[index].start == position {
            let candidate = matches[index]
            if accept(candidate.cue), candidate.end > (best?.end ?? -1) { best = candidate }
            index += 1
        }
        return best
    }

    /// The longest match ending exactly at `position` whose cue passes `accept`.
    func match(endingAt position: Int, _ accept: (LeadCue) -> Bool) -> LeadPhraseMatch? {
        var index = lowerBound(max(0, position - 64))
        var best: LeadPhraseMatch?
        while index < matches.count, matches[index].start < position {
            let candidate = matches[index]
            if candidate.end == position, accept(candidate.cue), candidate.start < (best?.start ?? Int.max) {
                best = candidate
            }
            index += 1
        }
        return best
    }

    /// The match ending at or before `position` and at or after `floor` that ends last, among cues `accept` takes.
    func lastMatch(in floor: Int, _ position: Int, _ accept: (LeadCue) -> Bool) -> LeadPhraseMatch? {
        var index = lowerBound(max(0, floor))
        var best: LeadPhraseMatch?
        while index < matches.count, matches[index].start < position {
            let candidate = matches[index]
            if candidate.end <= position, accept(candidate.cue), candidate.end >= (best?.end ?? -1) { best = candidate }
            index += 1
        }
        return best
    }
}
