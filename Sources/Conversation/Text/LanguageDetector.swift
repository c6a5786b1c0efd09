public import Scoring

/// Tells French from English in one message by its common words ("je", "pour", "the", "with"). A message with
/// neither ("500 €", "Shopify", "ok") or as many of each gives nil: the caller keeps the last language.
public enum LanguageDetector {
    /// The language of `text`, or nil when it cannot tell.
    public static func language(of text: String) -> ScoringLocale? {
        language(of: ConversationText(text))
    }

    static func language(of text: ConversationText) -> ScoringLocale? {
        var french = 0
        var english = 0
        for word in text.words {
            if frenchWords.contains(word) { french += 1 }
            if englishWords.contains(word) { english += 1 }
        }
        if french > english { return .french }
        if english > french { return .english }
        return nil
    }

    /// `language(of:)`, or `previous` when the message does not tell.
    public static func language(of text: String, keeping previous: ScoringLocale) -> ScoringLocale {
        language(of: text) ?? previous
    }

    private static let frenchWords = Set<String>([
        "je", "j", "tu", "il", "elle", "nous", "vous", "ils", "elles", "le", "la", "les", "un", "une", "des",
        "du", "de", "d", "au", "aux", "et", "ou", "mais", "donc", "est", "suis", "sommes", "etes", "sont", "ai", "avons",
        "avez", "ont", "pour", "avec", "sans", "dans", "sur", "par", "pas", "ne", "n", "ce", "cette", "ces", "mon",
        "ma", "mes", "notre", "nos", "votre", "vos", "qui", "que", "qu", "quoi", "quel", "quelle", "oui", "non",
        "merci", "bonjour", "salut", "bonsoir", "c", "l", "y", "ici", "mois", "semaine", "moi", "toi", "chez",
        "tres", "trop", "rien", "aucun", "aucune", "veux", "voudrais", "peux", "pouvez", "besoin", "prefere", "dire",
        "ca", "cela", "quand", "comment", "pourquoi", "combien", "commande", "aujourd", "hui", "demain", "fait",
    ])

    private static let englishWords = Set<String>([
        "i", "you", "he", "she", "we", "they", "it", "the", "an", "and", "or", "but", "so", "is", "am", "are",
        "was", "were", "be", "have", "has", "had", "do", "does", "did", "for", "with", "without", "in", "at",
        "by", "of", "to", "from", "not", "no", "yes", "this", "that", "these", "those", "my", "our", "your", "their",
        "who", "what", "which", "when", "where", "why", "how", "thanks", "thank", "hello", "hi", "hey", "us",
        "very", "too", "nothing", "want", "would", "could", "can", "need", "rather", "say", "month", "week", "order",
        "today", "tomorrow", "don", "t", "m", "ll", "ve", "re", "just", "about", "there", "here", "please",
    ])
}
