/// The language generated content is written in: blog articles, the weekly report's prose.
public enum ContentLanguage: String, Sendable, Hashable, CaseIterable {
    case french = "fr"
    case english = "en"
}
