import Foundation

/// A message folded for matching: lower case, no accents, ligatures spelled out, split into words. Apostrophes,
/// dashes and punctuation separate words ("d'ici" → "d", "ici"); digits stay inside words ("#1042" → "1042").
struct ConversationText: Sendable {
    /// The message as written.
    let original: String
    /// The words as written (case kept), in order.
    let rawWords: [String]
    /// The folded words, one per raw word.
    let words: [String]

    init(_ text: String) {
        original = text
        var raw: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || character == "@" || character == "_"
                || character == "." && !current.isEmpty
            {
                current.append(character)
            } else {
                if !current.isEmpty { raw.append(current) }
                current = ""
            }
        }
        if !current.isEmpty { raw.append(current) }
        rawWords = raw.map { Self.trimmingDots($0) }.filter { !$0.isEmpty }
        words = rawWords.map(Self.fold)
    }

    /// The text folded as one string, words joined by single spaces.
    var joined: String { words.joined(separator: " ") }

    /// Lower case, without diacritics, with "œ" → "oe" and "æ" → "ae".
    static func fold(_ word: String) -> String {
        let spelled = word.replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
        return spelled.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// A phrase folded and split the same way as a message, for tables written with accents and apostrophes.
    static func phraseWords(_ phrase: String) -> [String] {
        ConversationText(phrase).words
    }

    private static func trimmingDots(_ word: String) -> String {
        var word = Substring(word)
        while word.last == "." { word.removeLast() }
        while word.first == "." { word.removeFirst() }
        return String(word)
    }
}
