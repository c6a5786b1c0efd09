/// The offline sentiment lexicon: French and English words and phrases, negations, intensifiers, and emojis.
/// Valences run from -3 to +3; written for Autopilot's shop and support conversations.
enum SentimentLexicon {
    static let table: PhraseTable<SentimentCue> = {
        var table = PhraseTable<SentimentCue>(typoMinimumLength: 8)
        for (value, phrases) in french + english {
            table.add(phrases, .valence(value))
        }
        table.add(negations, .negation)
        for (factor, phrases) in intensifiers {
            table.add(phrases, .intensity(factor))
        }
        table.add(["mais", "but", "however", "cependant", "pourtant", "though"], .contrast)
        return table
    }()

    static let negations = [
        "pas", "ne", "n", "jamais", "aucun", "aucune", "sans", "ni", "guere", "not", "no", "never", "t", "dont", "didnt",
        "doesnt", "isnt", "wasnt", "arent", "cant", "cannot", "wont", "nor", "without", "hardly", "nothing",
    ]

    static let intensifiers: [(Double, [String])] = [
        (1.5, [
            "tres", "vraiment", "trop", "hyper", "super", "tellement", "si", "extremement", "absolument", "totalement",
            "completement", "carrement", "vachement", "grave", "vraiment tres", "really", "very", "so", "extremely",
            "totally", "completely", "absolutely", "incredibly", "truly", "utterly", "seriously", "way too", "too",
            "du tout", "at all", "most", "the most", "le plus", "la plus",
        ]),
        (0.6, [
            "un peu", "legerement", "plutot", "assez", "un brin", "a bit", "a little", "slightly", "kind of", "kinda",
            "somewhat", "rather", "fairly", "quite",
        ]),
    ]

    /// Emojis and emoticons with their valence; matched in the message as written.
    static let emojis: [(String, Double)] = [
        ("🤬", -3), ("😡", -3), ("😠", -2.5), ("😤", -2), ("👎", -2), ("💩", -2), ("😭", -2.5), ("😢", -2), ("😞", -2),
        ("😩", -2), ("😫", -2), ("🙄", -1.5), ("😒", -1.5), ("😕", -1), ("🙁", -1.5), ("☹", -1.5), ("😣", -1.5),
        ("😖", -2), ("😑", -1), ("🖕", -3), (":-(", -1.5), (":(", -1.5), (":'(", -2),
        ("😀", 2), ("😃", 2), ("😄", 2), ("😁", 2), ("😊", 2), ("🙂", 1), ("😉", 1), ("😍", 3), ("🥰", 3), ("❤", 2.5),
        ("💙", 2), ("👍", 1.5), ("👌", 1.5), ("🙏", 1.5), ("🎉", 2), ("🥳", 2.5), ("🤩", 2.5), ("😎", 1.5), ("👏", 2),
        ("✨", 1), (":-)", 1.5), (":)", 1.5), (":D", 2), ("<3", 2), (";)", 1),
    ]
}
