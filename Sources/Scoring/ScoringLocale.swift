/// The language of explanations and segment names.
public enum ScoringLocale: String, Codable, Sendable, CaseIterable {
    case english = "en"
    case french = "fr"

    /// The locale for a language tag such as "fr", "fr-FR" or "en_US"; English unless the tag starts with "fr".
    public init(languageTag: String) {
        self = languageTag.lowercased().hasPrefix("fr") ? .french : .english
    }
}
