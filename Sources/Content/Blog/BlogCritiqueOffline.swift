import AutopilotCore
import Foundation
import LLM

/// The critique and the refinement written without a language model: scores from rules (topic words in the title and
/// the text, title and meta description lengths, keyword coverage, a call to action with an action verb), and a
/// refinement that fixes what the rules found.
package enum BlogCritiqueOffline {
    package static let critiqueResponder = OfflineResponder { request in
        guard let (blog, article, _) = read(request) else { return nil }
        return .json(critique(article, request: blog).answerValue)
    }

    package static let refinementResponder = OfflineResponder { request in
        guard let (blog, article, _) = read(request) else { return nil }
        return .json(refine(article, request: blog).answerValue)
    }

    private static func read(_ request: LLMRequest) -> (BlogRequest, BlogArticle, JSONValue?)? {
        guard let document = try? JSONValue.parse(request.lastUserText), let blog = BlogRequest.from(promptDocument: document["request"]),
            let article = BlogArticle(answer: document["article"], language: blog.language)
        else { return nil }
        return (blog, article, document["critique"])
    }

    package static func critique(_ article: BlogArticle, request: BlogRequest) -> BlogCritique {
        let french = request.language == .french
        let topicWords = words(request.topic)
        func share(_ text: String) -> Double {
            guard !topicWords.isEmpty else { return 1 }
            let found = Set(words(text))
            return Double(topicWords.filter(found.contains).count) / Double(topicWords.count)
        }
        var relevance: [String] = []
        let titleShare = share(article.title)
        let introShare = share(article.introduction)
        let sectionsOnTopic = article.sections.filter { share($0.heading + " " + $0.body) > 0 }.count
        relevance.append(french ? "titre : \(percent(titleShare)) des mots du sujet" : "title: \(percent(titleShare)) of the topic's words")
        relevance.append(
            french
                ? "introduction : \(percent(introShare)) des mots du sujet"
                : "introduction: \(percent(introShare)) of the topic's words")
        relevance.append(
            french
                ? "\(sectionsOnTopic) section(s) sur \(article.sections.count) parlent du sujet"
                : "\(sectionsOnTopic) of \(article.sections.count) sections address the topic")
        let sectionPoints = sectionsOnTopic * 2 >= article.sections.count ? 3 : (sectionsOnTopic > 0 ? 1 : 0)
        let relevanceScore = Int((titleShare * 4).rounded()) + Int((introShare * 3).rounded()) + sectionPoints

        var seo: [String] = []
        var seoScore = 0
        let meta = article.metaDescription.count
        if (70...BlogArticle.metaDescriptionLimit).contains(meta) { seoScore += 2 }
        seo.append(
            french
                ? "meta description de \(meta) caractères (70 à 155 attendus)"
                : "meta description of \(meta) characters (70 to 155 expected)")
        if (15...70).contains(article.title.count) { seoScore += 2 }
        seo.append(
            french
                ? "titre de \(article.title.count) caractères (15 à 70 attendus)"
                : "title of \(article.title.count) characters (15 to 70 expected)")
        if article.sections.count >= 2 { seoScore += 2 }
        seo.append(french ? "\(article.sections.count) sections H2" : "\(article.sections.count) H2 sections")
        let missing = missingKeywords(article, request: request)
        let coverage = request.keywords.isEmpty ? 1 : Double(request.keywords.count - missing.count) / Double(request.keywords.count)
        seoScore += Int((coverage * 4).rounded())
        seo.append(
            missing.isEmpty
                ? (french ? "tous les mots-clés sont présents" : "every keyword is used")
                : (french ? "mots-clés absents : " : "missing keywords: ") + missing.joined(separator: ", "))

        var cta: [String] = []
        var ctaScore = 0
        if !article.callToAction.isEmpty { ctaScore += 4 }
        let hasVerb = hasActionVerb(article.callToAction)
        if hasVerb { ctaScore += 3 }
        if (20...240).contains(article.callToAction.count) { ctaScore += 3 }
        cta.append(
            hasVerb
                ? (french ? "un verbe d'action invite à agir" : "an action verb asks the reader to act")
                : (french ? "aucun verbe d'action" : "no action verb"))
        cta.append(french ? "\(article.callToAction.count) caractères" : "\(article.callToAction.count) characters")

        var suggestions: [String] = []
        if !missing.isEmpty { suggestions.append((french ? "Utiliser les mots-clés : " : "Use the keywords: ") + missing.joined(separator: ", ")) }
        if titleShare < 1 { suggestions.append(french ? "Reprendre les mots du sujet dans le titre" : "Put the topic's words in the title") }
        if !(70...BlogArticle.metaDescriptionLimit).contains(meta) {
            suggestions.append(french ? "Écrire une meta description de 70 à 155 caractères" : "Write a meta description of 70 to 155 characters")
        }
        if !hasVerb { suggestions.append(french ? "Terminer par une invitation claire à agir" : "End with a clear invitation to act") }
        return BlogCritique(
            cycle: 0, relevance: .init(score: relevanceScore, reasons: relevance), seo: .init(score: seoScore, reasons: seo),
            callToAction: .init(score: ctaScore, reasons: cta), suggestions: suggestions, provider: OfflineProvider.name,
            model: OfflineProvider.model)
    }

    package static func refine(_ article: BlogArticle, request: BlogRequest) -> BlogArticle {
        let french = request.language == .french
        var refined = article
        let missing = missingKeywords(article, request: request)
        if !missing.isEmpty {
            refined.introduction += (french ? " Nous abordons aussi : " : " We also cover: ") + missing.joined(separator: ", ") + "."
        }
        let topicWords = words(request.topic)
        if !Set(topicWords).isSubset(of: Set(words(article.title))) {
            refined.title = BlogOffline.capitalized(request.topic) + " — " + article.title
        }
        if article.metaDescription.count < 70 {
            refined.metaDescription = article.metaDescription + " " + BlogOffline.article(for: request).metaDescription
        }
        if !hasActionVerb(article.callToAction) { refined.callToAction = BlogOffline.callToAction(topic: request.topic, french: french) }
        return BlogArticle(
            language: refined.language, title: refined.title, metaDescription: refined.metaDescription, introduction: refined.introduction,
            sections: refined.sections, callToAction: refined.callToAction)
    }

    package static func missingKeywords(_ article: BlogArticle, request: BlogRequest) -> [String] {
        let text = fold(article.markdown)
        return request.keywords.filter { !text.contains(fold($0)) }
    }

    private static let actionVerbs = [
        "contactez", "decouvrez", "essayez", "reservez", "demandez", "commencez", "inscrivez", "ecrivez", "appelez", "testez", "lancez",
        "contact", "discover", "try", "book", "ask", "start", "sign up", "write to", "call", "get", "join",
    ]

    private static func hasActionVerb(_ text: String) -> Bool {
        let folded = Set(words(text, minimumLength: 2))
        let phrase = fold(text)
        return actionVerbs.contains { $0.contains(" ") ? phrase.contains($0) : folded.contains($0) }
    }

    /// Lower-case, accent-free words of at least `minimumLength` letters (all words when none is that long).
    package static func words(_ text: String, minimumLength: Int = 4) -> [String] {
        let all = fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
        let long = all.filter { $0.count >= minimumLength }
        return long.isEmpty ? all : long
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    }

    private static func percent(_ share: Double) -> String {
        "\(Int((share * 100).rounded())) %"
    }
}
