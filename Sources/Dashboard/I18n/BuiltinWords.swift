import Content

/// The built-in flows' and templates' names and descriptions in French and English. The library's YAML files are
/// written in English; a French page shows these words instead, as long as the shop has not renamed its copy.
enum BuiltinWords {
    typealias Words = (fr: String, en: String)

    /// A flow's name for the page's language: the built-in words when `name` is still the library's English name,
    /// else the shop's own name, untouched.
    static func flowName(id: String, name: String, language: ContentLanguage) -> String {
        guard let words = flows[id], words.name.en == name else { return name }
        return pick(words.name, language)
    }

    /// A flow's description, by the same rule as its name.
    static func flowDescription(id: String, description: String, language: ContentLanguage) -> String {
        guard let words = flows[id], words.description.en == description else { return description }
        return pick(words.description, language)
    }

    /// A built-in template's description, by the same rule.
    static func templateDescription(id: String, description: String, language: ContentLanguage) -> String {
        guard let words = templates[id], words.en == description else { return description }
        return pick(words, language)
    }

    private static func pick(_ words: Words, _ language: ContentLanguage) -> String {
        language == .french ? words.fr : words.en
    }
}
