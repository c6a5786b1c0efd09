import Foundation

/// A phrase pattern over folded text. In `pattern`, a space stands for one or more separators (space, apostrophe,
/// dash, quote, new line), `_` for zero or more, and a final `*` lets the phrase end inside a word ("fondat*").
struct LeadPhrase: Sendable {
    let pattern: [UInt8]
    let isPrefix: Bool
    let cue: LeadCue
    let rule: String

    init(_ text: String, _ cue: LeadCue, rule: String) {
        var bytes = Array(text.utf8)
        isPrefix = bytes.last == UInt8(ascii: "*")
        if isPrefix { bytes.removeLast() }
        pattern = bytes
        self.cue = cue
        self.rule = rule
    }
}

/// A phrase found in a text: the folded byte range and its cue.
struct LeadPhraseMatch: Sendable {
    let start: Int
    let end: Int
    let cue: LeadCue
    let rule: String
}

/// The compiled phrase table, bucketed by first byte, matched at word starts.
struct LeadPhraseBook: Sendable {
    private let phrases: [LeadPhrase]
    private let buckets: [[Int]]

    init(_ phrases: [LeadPhrase]) {
        self.phrases = phrases
        var buckets = [[Int]](repeating: [], count: 256)
        for (index, phrase) in phrases.enumerated() {
            guard let first = phrase.pattern.first else { continue }
            buckets[Int(first)].append(index)
        }
        self.buckets = buckets
    }

    /// The phrases every qualification uses.
    static let standard = LeadPhraseBook(
        LeadPhrases.timeline + LeadPhrases.duration + LeadPhrases.decisionMaker + LeadPhrases.fit + LeadPhrases.engagement
            + LeadPhrases.budget + LeadPhrases.amounts)

    /// All matches in `text`, sorted by start, without masks and without phrases masked by a longer one.
    func matches(in text: LeadText) -> [LeadPhraseMatch] {
        var found: [LeadPhraseMatch] = []
        let bytes = text.bytes
        let count = bytes.count
        var previousIsAlnum = false
        for index in 0..<count {
            let byte = bytes[index]
            let isAlnum = LeadText.isAlnum(byte)
            defer { previousIsAlnum = isAlnum }
            guard isAlnum, !previousIsAlnum else { continue }
            for phraseIndex in buckets[Int(byte)] {
                let phrase = phrases[phraseIndex]
                if let end = Self.match(phrase, in: bytes, at: index) {
                    found.append(LeadPhraseMatch(start: index, end: end, cue: phrase.cue, rule: phrase.rule))
                }
            }
        }
        return Self.unmasked(found)
    }

    private static func match(_ phrase: LeadPhrase, in bytes: [UInt8], at start: Int) -> Int? {
        let pattern = phrase.pattern
        let count = bytes.count
        var position = start
        var patternIndex = 0
        while patternIndex < pattern.count {
            let expected = pattern[patternIndex]
            if expected == 0x20 || expected == 0x5F {
                let runStart = position
                while position < count, LeadText.isSeparator(bytes[position]) { position += 1 }
                if expected == 0x20, position == runStart { return nil }
            } else {
                guard position < count, bytes[position] == expected else { return nil }
                position += 1
            }
            patternIndex += 1
        }
        if !phrase.isPrefix, let last = pattern.last, LeadText.isAlnum(last), position < count,
            LeadText.isAlnum(bytes[position])
        {
            return nil
        }
        if phrase.isPrefix {
            while position < count, LeadText.isLetter(bytes[position]) { position += 1 }
        }
        return position
    }

    /// Drops matches inside a longer match of the same family, then the masks themselves.
    private static func unmasked(_ matches: [LeadPhraseMatch]) -> [LeadPhraseMatch] {
        guard matches.count > 1 else { return matches.filter { !$0.isMask } }
        var kept: [LeadPhraseMatch] = []
        kept.reserveCapacity(matches.count)
        for (index, candidate) in matches.enumerated() {
            if candidate.isMask || isMasked(candidate, at: index, in: matches) { continue }
            kept.append(candidate)
        }
        return kept
    }

    private static func isMasked(_ candidate: LeadPhraseMatch, at index: Int, in matches: [LeadPhraseMatch]) -> Bool {
        let family = candidate.cue.family
        let length = candidate.end - candidate.start
        var other = index - 1
        while other >= 0, candidate.start - matches[other].start <= 64 {
            let match = matches[other]
            if match.cue.family == family, match.end >= candidate.end, match.end - match.start > length { return true }
            other -= 1
        }
        other = index + 1
        while other < matches.count, matches[other].start == candidate.start {
            let match = matches[other]
            if match.cue.family == family, match.end - match.start > length { return true }
            other += 1
        }
        return false
    }
}

extension LeadPhraseMatch {
    var isMask: Bool {
        if case .mask = cue { return true }
        return false
    }
}
