import Foundation

/// The system prompts of the blog writer: the draft, the critique and the refinement, in the request's language.
public enum BlogPrompts {
    /// The system prompt that writes the draft.
    public static func article(_ request: BlogRequest) -> String {
        """
        You write SEO blog articles for the website of a small online shop. Write in \(languageName(request.language)).
        \(request.framework.instructions)
        \(shapeRules(request))
        Answer with JSON: title, meta_description, introduction, sections (heading, body), call_to_action.
        """
    }

    /// The system prompt that scores an article.
    public static func critique(_ request: BlogRequest) -> String {
        """
        You are an exacting web editor. Score the article from 0 to 10 on three criteria, each with short reasons:
        relevance (does it answer the topic for a small shop's readers), seo (a title of at most 70 characters with the \
        topic's words, a meta description of at most 155 characters, every keyword used naturally, a clear H2 structure), \
        call_to_action (present, specific, one clear next step). Then list concrete suggestions. Be consistent: the same \
        article gets the same scores. Write the reasons in \(languageName(request.language)). Answer with JSON.
        """
    }

    /// The system prompt that rewrites an article after its critique.
    public static func refinement(_ request: BlogRequest) -> String {
        """
        You revise blog articles. Rewrite the article so that it answers the critique's suggestions and raises its lowest \
        scores. Keep the language (\(languageName(request.language))), the facts, and the section order: \
        \(request.framework.instructions)
        \(shapeRules(request))
        Answer with JSON: title, meta_description, introduction, sections (heading, body), call_to_action.
        """
    }

    private static func shapeRules(_ request: BlogRequest) -> String {
        let keywords = request.keywords.isEmpty ? "none given" : request.keywords.joined(separator: ", ")
        return """
            Each section has a plain-text heading (no #) and a Markdown body: short paragraphs, bullet lists, **bold**, \
            *italic*, [links](https://…) — no HTML, no images, no headings inside a body. Use each keyword naturally at \
            least once (keywords: \(keywords)). The title has at most 70 characters and the topic's main words; the meta \
            description has at most 155 characters. The call to action is one or two sentences asking the reader to act. \
            Never invent prices, discounts, statistics, quotes or customer names.
            """
    }

    private static func languageName(_ language: ContentLanguage) -> String {
        language == .french ? "French" : "English"
    }
}
