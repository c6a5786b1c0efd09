/// The words naming a product in a stock question: the longest run of words that are neither common words nor
/// stock words ("Avez-vous le sac Lina en stock ?" → "sac Lina").
enum ProductWords {
    static func product(in message: ConversationText) -> String? {
        var best: Range<Int>?
        var start: Int?
        for index in 0...message.words.count {
            let isContent = index < message.words.count && !skipped.contains(message.words[index])
                && message.words[index].count > 1
            if isContent {
                if start == nil { start = index }
            } else if let runStart = start {
                if best.map({ index - runStart > $0.count }) ?? true { best = runStart..<index }
                start = nil
            }
        }
        guard let best else { return nil }
        return message.rawWords[best].joined(separator: " ")
    }

    private static let skipped = Set<String>([
        "avez", "vous", "as", "tu", "est", "ce", "que", "qu", "il", "elle", "en", "reste", "restent", "le", "la", "les",
        "un", "une", "des", "du", "de", "d", "l", "stock", "stocks", "disponible", "disponibles", "dispo", "encore",
        "toujours", "rupture", "taille", "couleur", "pour", "moi", "je", "voudrais", "cherche", "bonjour", "salut",
        "merci", "svp", "s", "plait", "y", "a", "t", "au", "aux", "et", "ou", "quand", "sera", "seront", "retour",
        "do", "you", "have", "has", "is", "are", "the", "an", "any", "in", "still", "available", "availability",
        "left", "back", "of", "for", "size", "color", "colour", "hello", "hi", "please", "thanks", "i", "looking",
        "when", "will", "be", "it", "there", "restock", "restocked", "can", "get", "est", "reapprovisionne",
        "combien", "how", "many", "much", "ce", "cette", "this", "that",
    ])
}
