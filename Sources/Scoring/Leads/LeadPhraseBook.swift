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

/// The compiled phrase table: all patterns in one byte array, bucketed by their first two bytes (or by the first
/// byte alone when the second is a separator), matched at word starts.
struct LeadPhraseBook: Sendable {
    private let cues: [LeadCue]
    private let rules: [String]
    private let prefixFlags: [Bool]
    private let flat: [UInt8]
    private let offsets: [Int32]
    /// Buckets in one table: `table[b]..<table[b + 1]` lists (in `table`) the phrases keyed by first byte `b` alone;
    /// `table[pairBase + k]..<table[pairBase + k + 1]` those keyed by their first two bytes, k = b0 << 8 | b1.
    private let table: [Int32]
    private static let pairBase = 257

    init(_ phrases: [LeadPhrase]) {
        cues = phrases.map(\.cue)
        rules = phrases.map(\.rule)
        prefixFlags = phrases.map(\.isPrefix)
        var flat: [UInt8] = []
        var offsets: [Int32] = [0]
        var singles = [[Int32]](repeating: [], count: 256)
        var pairs = [Int: [Int32]]()
        for (index, phrase) in phrases.enumerated() {
            flat.append(contentsOf: phrase.pattern)
            offsets.append(Int32(flat.count))
            guard let first = phrase.pattern.first else { continue }
            if phrase.pattern.count >= 2, phrase.pattern[1] != 0x20, phrase.pattern[1] != 0x5F {
                pairs[Int(first) << 8 | Int(phrase.pattern[1]), default: []].append(Int32(index))
            } else {
                singles[Int(first)].append(Int32(index))
            }
        }
        self.flat = flat
        self.offsets = offsets
        let keys = 256 + 65_536
        let itemBase = Self.pairBase + 65_537
        var table = [Int32](repeating: 0, count: itemBase)
        var items: [Int32] = []
        for key in 0..<keys {
            let list = key < 256 ? singles[key] : (pairs[key - 256] ?? [])
            let slot = key < 256 ? key : Self.pairBase + key - 256
            table[slot] = Int32(itemBase + items.count)
            items.append(contentsOf: list)
            if key == 255 { table[256] = Int32(itemBase + items.count) }
        }
        table[Self.pairBase + 65_536] = Int32(itemBase + items.count)
        self.table = table + items
    }

    /// The phrases every qualification uses.
    static let standard = LeadPhraseBook(
        LeadPhrases.timeline + LeadPhrases.duration + LeadPhrases.decisionMaker + LeadPhrases.fit + LeadPhrases.engagement
            + LeadPhrases.budget + LeadPhrases.amounts + LeadPhrases.amountWords
            + LeadPhrases.calendar)

    /// All matches in `text`, sorted by start, without masks and without phrases masked by a longer one.
    func matches(in text: LeadText) -> [LeadPhraseMatch] {
        var found: [LeadPhraseMatch] = []
        found.reserveCapacity(32)
        let starts = text.bytes.withUnsafeBufferPointer { bytes in wordStartHits(bytes) }
        for hit in starts {
            found.append(LeadPhraseMatch(start: hit.start, end: hit.end, cue: cues[hit.phrase], rule: rules[hit.phrase]))
        }
        let typos = LeadTypoVocabulary.standard.matches(in: text, besides: found)
        if !typos.isEmpty {
            found.append(contentsOf: typos)
            found.sort { ($0.start, $1.end) < ($1.start, $0.end) }
        }
        return Self.unmasked(found)
    }

    private struct Hit {
        let start: Int
        let end: Int
        let phrase: Int
    }

    private func wordStartHits(_ bytes: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        hits.reserveCapacity(32)
        flat.withUnsafeBufferPointer { patterns in
            offsets.withUnsafeBufferPointer { offsets in
                prefixFlags.withUnsafeBufferPointer { prefixFlags in
                    table.withUnsafeBufferPointer { table in
                        let count = bytes.count
                        var previousIsAlnum = false
                        for index in 0..<count {
                            let byte = bytes[index]
                            let isAlnum = LeadText.isAlnum(byte)
                            if !isAlnum || previousIsAlnum {
                                previousIsAlnum = isAlnum
                                continue
                            }
                            previousIsAlnum = true
                            let pairSlot = index + 1 < count ? Self.pairBase + (Int(byte) << 8 | Int(bytes[index + 1])) : -1
                            for pass in 0..<2 {
                                let slot = pass == 0 ? Int(byte) : pairSlot
                                if slot < 0 { break }
                                for item in Int(table[slot])..<Int(table[slot + 1]) {
                                    let phrase = Int(table[item])
                                    let pattern = UnsafeBufferPointer(
                                        rebasing: patterns[Int(offsets[phrase])..<Int(offsets[phrase + 1])])
                                    if let end = Self.match(pattern, isPrefix: prefixFlags[phrase], in: bytes, at: index) {
                                        hits.append(Hit(start: index, end: end, phrase: phrase))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return hits
    }

    private static func match(
        _ pattern: UnsafeBufferPointer<UInt8>, isPrefix: Bool, in bytes: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> Int? {
        let count = bytes.count
        var position = start
        for expected in pattern {
            if expected == 0x20 || expected == 0x5F {
                let runStart = position
                while position < count, LeadText.isSeparator(bytes[position]) { position += 1 }
                if expected == 0x20, position == runStart { return nil }
            } else {
                guard position < count, bytes[position] == expected else { return nil }
                position += 1
            }
        }
        if isPrefix {
            while position < count, LeadText.isLetter(bytes[position]) { position += 1 }
        } else if let last = pattern.last, LeadText.isAlnum(last), position < count, LeadText.isAlnum(bytes[position]) {
            return nil
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
