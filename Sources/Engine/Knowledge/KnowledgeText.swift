import Foundation

/// Text as the knowledge base searches it: folded (lower case, no accents), cut into words, common words left out, and
/// a document's language guessed (French or English) when the upload does not say it. Pure.
public enum KnowledgeText {
    /// Lower case without accents or ligatures: `Délais d'expédition` → `delais d'expedition`.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "ß", with: "ss")
    }

    /// The folded words of a text (letters and digits), in order.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The words a search looks for: folded, without common French and English words or single letters, each once, at
    /// most `limit`. A question made only of common words keeps them (`où ?` still searches for something).
    public static func searchTerms(_ query: String, limit: Int = 12) -> [String] {
        let words = words(query).filter { $0.count > 1 || $0.first?.isNumber == true }
        var seen = Set<String>()
        let meaningful = words.filter { !stopWords.contains($0) && seen.insert($0).inserted }
        if !meaningful.isEmpty { return Array(meaningful.prefix(limit)) }
        seen = []
        return Array(words.filter { seen.insert($0).inserted }.prefix(limit))
    }

    /// `fr` when the text has more common French words than English ones, else `en`.
    public static func guessLanguage(_ text: String) -> String {
        var french = 0
        var english = 0
        for word in words(String(text.prefix(20_000))) {
            if frenchWords.contains(word) { french += 1 }
            if englishWords.contains(word) { english += 1 }
        }
        return french > english ? "fr" : "en"
    }

    static let frenchWords: Set<String> = [
        "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "est", "sont", "pour", "par", "avec", "sans", "dans", "sur", "vous",
        "votre", "vos", "nous", "notre", "nos", "je", "il", "elle", "ils", "elles", "ce", "cet", "cette", "ces", "qui", "que", "quoi",
        "quel", "quelle", "quels", "quelles", "comment", "combien", "quand", "pourquoi", "au", "aux", "en", "ne", "pas", "plus", "si",
        "se", "sa", "son", "ses", "leur", "leurs", "mon", "ma", "mes", "ton", "ta", "tes", "etre", "avoir", "fait", "faire", "peut",
        "peux", "puis", "dois", "doit", "mais", "donc", "car", "ni", "chez", "tres", "tout", "tous", "toute", "toutes", "aussi", "ai",
        "as", "avez", "avons", "suis", "etes", "sommes", "oui", "non", "bonjour", "merci", "svp",
    ]

    static let englishWords: Set<String> = [
        "the", "a", "an", "and", "or", "is", "are", "was", "were", "be", "been", "for", "by", "with", "without", "in", "on", "of", "to",
        "at", "from", "you", "your", "we", "our", "us", "i", "me", "my", "he", "she", "it", "its", "they", "them", "their", "this",
        "that", "these", "those", "what", "which", "who", "how", "when", "where", "why", "do", "does", "did", "can", "could", "will",
        "would", "should", "may", "might", "must", "have", "has", "had", "not", "no", "yes", "if", "so", "but", "as", "all", "any",
        "some", "there", "here", "about", "into", "than", "then", "too", "very", "just", "also", "please", "hi", "hello", "thanks",
    ]

    /// Words too common to search for, in either language (`ou` — where — stays out too: it reads as `où` once folded).
    static let stopWords: Set<String> = frenchWords.union(englishWords).union(["ou", "y", "ya", "ca", "cela", "ceci"])
}
