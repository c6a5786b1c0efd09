import AutopilotCore
import Foundation
import LLM

/// The article written without a language model: deterministic text from the topic, the keywords and the framework's
/// stages, in French or English.
package enum BlogOffline {
    package static let articleResponder = OfflineResponder { request in
        guard let document = try? JSONValue.parse(request.lastUserText), let blog = BlogRequest.from(promptDocument: document) else { return nil }
        return .json(article(for: blog).answerValue)
    }

    package static func article(for request: BlogRequest) -> BlogArticle {
        let french = request.language == .french
        let topic = running(request.topic)
        let keywords = request.keywords
        let list = keywords.joined(separator: ", ")
        let title = capitalized(topic) + (french ? " : le guide pratique" : ": a practical guide")
        var meta =
            french
            ? "\(capitalized(topic)) : nos conseils concrets pour une petite boutique en ligne"
            : "\(capitalized(topic)): practical advice for a small online shop"
        meta += keywords.isEmpty ? "." : " — \(list)."
        var introduction =
            french
            ? "Vous vous demandez comment tirer parti de **\(topic)** ? Ce guide rassemble l'essentiel, étape par étape, "
                + "pour une petite boutique en ligne."
            : "Wondering how to make the most of **\(topic)**? This guide gathers the essentials, step by step, for a small online shop."
        if !keywords.isEmpty { introduction += french ? " Au programme : \(list)." : " Inside: \(list)." }
        let stages = request.framework.stages(language: request.language)
        let sections = stages.enumerated().map { index, stage in
            let mine = keywords.enumerated().filter { $0.offset % stages.count == index }.map(\.element)
            return BlogArticle.Section(heading: stage, body: body(request.framework, stage: index, topic: topic, keywords: mine, french: french))
        }
        let callToAction = callToAction(topic: topic, french: french)
        return BlogArticle(
            language: request.language, title: title, metaDescription: meta, introduction: introduction, sections: sections,
            callToAction: callToAction)
    }

    package static func callToAction(topic: String, french: Bool) -> String {
        let topic = running(topic)
        return french
            ? "Contactez-nous dès aujourd'hui pour mettre en place \(topic) dans votre boutique : nous vous aidons à démarrer."
            : "Contact us today to put \(topic) to work in your shop: we will help you get started."
    }

    private static func body(_ framework: BlogFramework, stage: Int, topic: String, keywords: [String], french: Bool) -> String {
        let lead = french ? frenchLead(framework, stage: stage, topic: topic) : englishLead(framework, stage: stage, topic: topic)
        var lines = [lead, ""]
        lines +=
            french
            ? ["- Commencez petit : une action mesurable par semaine.", "- Mesurez le résultat avant d'aller plus loin."]
            : ["- Start small: one measurable action a week.", "- Measure the result before going further."]
        for keyword in keywords {
            lines.append(french ? "- **\(keyword)** : un levier à suivre de près." : "- **\(keyword)**: a lever worth watching closely.")
        }
        return lines.joined(separator: "\n")
    }

    private static func frenchLead(_ framework: BlogFramework, stage: Int, topic: String) -> String {
        switch (framework, stage) {
        case (.pas, 0): "Beaucoup de petites boutiques passent à côté de \(topic) : le temps manque et les priorités se bousculent."
        case (.pas, 1): "Chaque semaine sans \(topic), ce sont des clients qui ne reviennent pas et du chiffre d'affaires laissé de côté."
        case (.pas, _): "La bonne nouvelle : \(topic) se met en place par petites étapes, sans gros budget ni équipe dédiée."
        case (.aida, 0): "\(capitalized(topic)) change la façon dont une petite boutique fidélise ses clients."
        case (.aida, 1): "Concrètement, \(topic) repose sur quelques gestes simples, répétés avec régularité."
        case (.aida, 2): "Avec \(topic), vos clients se sentent suivis et reviennent plus souvent."
        case (.aida, _): "Le plus simple est de commencer par une seule action autour de \(topic), puis d'en mesurer l'effet."
        case (.fab, 0): "\(capitalized(topic)) s'appuie sur des outils que vous avez souvent déjà : votre boutique, vos emails, vos avis clients."
        case (.fab, 1): "Comparé aux méthodes habituelles, \(topic) demande moins de temps et donne des résultats mesurables."
        case (.fab, _): "Pour vous, \(topic) signifie plus de clients fidèles et moins d'efforts pour les garder."
        }
    }

    private static func englishLead(_ framework: BlogFramework, stage: Int, topic: String) -> String {
        switch (framework, stage) {
        case (.pas, 0): "Many small shops miss out on \(topic): time is short and priorities pile up."
        case (.pas, 1): "Every week without \(topic) means customers who do not come back and revenue left on the table."
        case (.pas, _): "The good news: \(topic) can be set up in small steps, without a big budget or a dedicated team."
        case (.aida, 0): "\(capitalized(topic)) changes the way a small shop keeps its customers."
        case (.aida, 1): "In practice, \(topic) rests on a few simple habits, repeated regularly."
        case (.aida, 2): "With \(topic), your customers feel looked after and come back more often."
        case (.aida, _): "The easiest way is to start with a single action around \(topic), then measure its effect."
        case (.fab, 0): "\(capitalized(topic)) builds on tools you often already have: your shop, your emails, your customer reviews."
        case (.fab, 1): "Compared with the usual methods, \(topic) takes less time and gives measurable results."
        case (.fab, _): "For you, \(topic) means more loyal customers and less effort to keep them."
        }
    }

    /// The topic inside a sentence: "Relancer les paniers" → "relancer les paniers"; acronyms ("SEO local") stay.
    package static func running(_ text: String) -> String {
        let characters = Array(text.prefix(2))
        guard characters.count == 2, characters[0].isUppercase, !characters[1].isUppercase else { return text }
        return characters[0].lowercased() + text.dropFirst()
    }

    package static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
