/// A table of phrases (folded words, see `ConversationText`) and what each means, matched over a message's words.
/// At each position the longest phrase wins; matches never overlap. Exact matches beat typo matches of the same
/// length, so a correctly spelled word is never read as its neighbour.
struct PhraseTable<Value: Sendable>: Sendable {
    struct Entry: Sendable {
        let words: [WordPattern]
        let value: Value
    }

    /// A phrase found in a message: the range of word indices and the phrase's value.
    struct Hit: Sendable {
        let range: Range<Int>
        let value: Value
        let isExact: Bool
    }

    private(set) var entries: [Entry] = []
    /// The shortest word of the table read with one typo (6 by default: "statut", "quater"; the sentiment lexicon
    /// uses 8 so that "contenu" is not read as "content").
    let typoMinimumLength: Int

    init(_ phrases: [(String, Value)] = [], typoMinimumLength: Int = 6) {
        self.typoMinimumLength = typoMinimumLength
        for (phrase, value) in phrases { add(phrase, value) }
    }

    /// Adds a phrase; a word ending in `*` matches any word starting with it.
    mutating func add(_ phrase: String, _ value: Value) {
        let words = phrase.split(separator: " ").flatMap { part -> [String] in
            part.hasSuffix("*") ? [ConversationText.fold(String(part))] : ConversationText.phraseWords(String(part))
        }
        guard !words.isEmpty else { return }
        entries.append(Entry(words: words.map { WordPattern($0, typoMinimumLength: typoMinimumLength) }, value: value))
    }

    /// Adds the same value for several phrases.
    mutating func add(_ phrases: [String], _ value: Value) {
        for phrase in phrases { add(phrase, value) }
    }

    /// The longest non-overlapping matches, left to right.
    func hits(in words: [String]) -> [Hit] {
        var found: [Hit] = []
        var index = 0
        while index < words.count {
            var best: Hit?
            for entry in entries where index + entry.words.count <= words.count {
                let span = index..<(index + entry.words.count)
                guard zip(entry.words, words[span]).allSatisfy({ $0.matches($1) }) else { continue }
                let exact = zip(entry.words, words[span]).allSatisfy { $0.matchesExactly($1) }
                if let current = best {
                    let longer = span.count > current.range.count
                    let sameButExact = span.count == current.range.count && exact && !current.isExact
                    guard longer || sameButExact else { continue }
                }
                best = Hit(range: span, value: entry.value, isExact: exact)
            }
            if let best {
                found.append(best)
                index = best.range.upperBound
            } else {
                index += 1
            }
        }
        return found
    }

    /// True when any phrase of the table occurs in `words`.
    func occurs(in words: [String]) -> Bool { !hits(in: words).isEmpty }
}
