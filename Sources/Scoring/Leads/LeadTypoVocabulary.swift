import Foundation

/// Words read even with one typo (a letter wrong, missing, extra, or two letters swapped): platform names and long
/// role words whose near neighbours are not other words ("shopfiy", "woocomerce", "fondatuer", "proprietiare").
/// The first letter must be right and the word at least 7 letters long.
struct LeadTypoVocabulary: Sendable {
    private struct Entry: Sendable {
        let word: [UInt8]
        let cue: LeadCue
        let rule: String
    }

    private let byFirstLetter: [[Entry]]

    init(_ entries: [(String, LeadCue, String)]) {
        var buckets = [[Entry]](repeating: [], count: 256)
        for (word, cue, rule) in entries {
            let bytes = Array(word.utf8)
            guard let first = bytes.first, bytes.count >= 7 else { continue }
            buckets[Int(first)].append(Entry(word: bytes, cue: cue, rule: rule))
        }
        byFirstLetter = buckets
    }

    static let standard = LeadTypoVocabulary(
        [
            "shopify", "woocommerce", "prestashop", "klaviyo", "magento", "bigcommerce", "shopware", "omnisend",
        ].map { ($0, LeadCue.fit, "fit.platform") }
            + ["ecommerce", "dropshipping", "dropshipper", "marketplace", "webshop"].map { ($0, LeadCue.fit, "fit.ecommerce") }
            + [
                "fondateur", "fondatrice", "cofondateur", "cofondatrice", "proprietaire", "dirigeant", "dirigeante",
                "entrepreneur", "entrepreneuse",
            ].map { ($0, LeadCue.decides(true), "decisionMaker.role") }
            + ["immediatement", "immediately", "urgently", "urgemment"].map { ($0, LeadCue.timeline(.immediate), "timeline.phrase") }
            + ["demonstration", "quotation", "appointment", "rendezvous"].map { ($0, LeadCue.contactRequest, "engagement.contact-request") }
    )

    /// Matches for words of `text` one typo away from a vocabulary word, skipping words already matched exactly.
    func matches(in text: LeadText, besides exact: [LeadPhraseMatch]) -> [LeadPhraseMatch] {
        var found: [LeadPhraseMatch] = []
        let bytes = text.bytes
        var index = 0
        var exactIndex = 0
        while index < bytes.count {
            guard LeadText.isLetter(bytes[index]), index == 0 || !LeadText.isAlnum(bytes[index - 1]) else {
                index += 1
                continue
            }
            let end = text.letterRunEnd(from: index)
            defer { index = end }
            guard end - index >= 6, end - index <= 16, end == bytes.count || !LeadText.isDigit(bytes[end]) else { continue }
            while exactIndex < exact.count, exact[exactIndex].start < index { exactIndex += 1 }
            if exactIndex < exact.count, exact[exactIndex].start == index { continue }
            let word = bytes[index..<end]
            for entry in byFirstLetter[Int(bytes[index])] where abs(entry.word.count - word.count) <= 1 {
                if entry.word.elementsEqual(word) { break }
                if Self.isOneEditApart(word, entry.word) {
                    found.append(LeadPhraseMatch(start: index, end: end, cue: entry.cue, rule: entry.rule))
                    break
                }
            }
        }
        return found
    }

    /// One substitution, insertion, deletion or swap of adjacent letters.
    static func isOneEditApart(_ a: ArraySlice<UInt8>, _ b: [UInt8]) -> Bool {
        let a = Array(a)
        if a.count == b.count {
            var differences: [Int] = []
            for index in 0..<a.count where a[index] != b[index] {
                differences.append(index)
                if differences.count > 2 { return false }
            }
            if differences.count == 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                return a[differences[0]] == b[differences[1]] && a[differences[1]] == b[differences[0]]
            }
            return false
        }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count == short.count + 1 else { return false }
        var skipped = false
        var i = 0
        var j = 0
        while i < short.count {
            if short[i] == long[j] {
                i += 1
                j += 1
            } else if !skipped {
                skipped = true
                j += 1
            } else {
                return false
            }
        }
        return true
    }
}
