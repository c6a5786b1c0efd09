import Foundation

/// The replies that withdraw consent for the channel they arrive on (STOP, ARRÊT, UNSUBSCRIBE…).
///
/// A reply is compared whole, after trimming, folding case and accents, collapsing inner spaces and dropping trailing
/// punctuation: `" Arrêt "`, `stop.` and `Stop  SMS` opt out; `stop sending me this` or `don't stop` do not — they are
/// ordinary replies that a person reads.
public enum OptOutKeywords {
    /// The industry and Twilio defaults, and the French ones (ARRET, with or without its accent).
    public static let keywords: Set<String> = [
        "STOP", "STOP SMS", "STOPALL", "STOP ALL", "ARRET", "ARRET SMS", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
        "OPT-OUT", "OPT OUT",
    ]

    /// Whether the whole reply is an opt-out keyword.
    public static func isOptOut(_ text: String) -> Bool {
        keywords.contains(normalize(text))
    }

    static func normalize(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).uppercased()
        var words = folded.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = words.last, ".!?;,".contains(last) { words.removeLast() }
        return words.trimmingCharacters(in: .whitespaces)
    }
}
