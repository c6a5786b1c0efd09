import Foundation

/// Tells French from English by their most common short words; nil when a text has too few of them to say.
enum CopyLanguage {
    private static let words: [String: Set<String>] = [
        "fr": [
            "le", "la", "les", "un", "une", "des", "et", "est", "vous", "votre", "vos", "pour", "avec", "dans", "sur", "nous", "bonjour",
            "merci", "de", "du", "au", "aux", "ce", "cette", "qui", "que", "pas", "plus", "ici", "bientôt", "chez",
        ],
        "en": [
            "the", "a", "an", "and", "is", "are", "you", "your", "for", "with", "in", "on", "we", "our", "hello", "hi", "thanks", "thank",
            "of", "to", "this", "that", "not", "more", "here", "soon", "at", "it", "be", "will",
        ],
    ]

    static func detect(_ text: String) -> String? {
        let tokens = text.lowercased().split { !$0.isLetter }.map(String.init)
        var scores: [(language: String, count: Int)] = words.map { language, vocabulary in
            (language, tokens.filter { vocabulary.contains($0) }.count)
        }
        scores.sort { $0.count > $1.count || ($0.count == $1.count && $0.language < $1.language) }
        guard let best = scores.first, best.count >= 3 else { return nil }
        let second = scores.dropFirst().first?.count ?? 0
        return Double(best.count) >= Double(second) * 2 ? best.language : nil
    }
}
