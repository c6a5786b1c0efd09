/// Rewrites misspelt words of a message to the words the BANT rules read ("next quater" → "next quarter",
/// "semiane prochaine" → "semaine prochaine") before they are read. A word is rewritten when it has at least five
/// letters, is not itself a known word, and is one typo (see `WordPattern`) from exactly one vocabulary word with the
/// same first letter.
enum TypoCorrector {
    static func corrected(_ text: String) -> String {
        var output = ""
        var word = ""
        func flush() {
            output += replacement(for: word) ?? word
            word = ""
        }
        for character in text {
            if character.isLetter {
                word.append(character)
            } else {
                flush()
                output.append(character)
            }
        }
        flush()
        return output
    }

    private static func replacement(for word: String) -> String? {
        guard word.count >= 5 else { return nil }
        let folded = ConversationText.fold(word)
        guard !vocabulary.contains(folded), !keep.contains(folded) else { return nil }
        let candidates = patterns.filter { $0.pattern.matches(folded) }
        return candidates.count == 1 ? candidates[0].word : nil
    }

    private static let patterns: [(word: String, pattern: WordPattern)] = vocabulary.sorted().map {
        ($0, WordPattern($0, typoMinimumLength: 5))
    }

    /// Words of the BANT rules people often mistype.
    static let vocabulary: Set<String> = [
        "quarter", "quarters", "trimestre", "trimestres", "semaine", "semaines", "prochain", "prochaine", "prochains",
        "prochaines", "month", "months", "weeks", "immediately", "rapidement", "quickly", "urgent", "urgence", "budget",
        "janvier", "fevrier", "avril", "juillet", "septembre", "octobre", "novembre", "decembre", "january",
        "february", "march", "april", "august", "september", "october", "november", "december", "decide", "decider",
        "decideur", "fondateur", "fondatrice", "founder", "owner", "proprietaire", "associe", "manager", "patron",
        "shopify", "woocommerce", "prestashop", "klaviyo", "mailchimp", "hubspot", "pipedrive", "salesforce",
        "monthly", "mensuel", "euros", "dollars", "environ", "around", "maximum", "minimum",
    ]

    /// Common words one typo from a vocabulary word, never rewritten.
    private static let keep: Set<String> = [
        "quatre", "quartier", "semaine", "months", "month", "mouth", "march", "marche", "match", "avril", "urgente",
        "patrons", "patronne", "owners", "decida", "decides", "decided", "decision", "maxima", "minima", "ground",
        "round", "arounds", "ownership", "environs",
    ]
}
