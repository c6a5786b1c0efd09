import Scoring

/// The assistant's offline sentences in French and English.
struct AssistantWording: Sendable {
    let unsupported: String
    let whichContact: String
    let whichOrder: String

    static func of(_ language: ScoringLocale) -> AssistantWording {
        language == .french ? french : english
    }

    static let french = AssistantWording(
        unsupported: "Sans modèle de langue, je ne sais pas faire cela. Hors ligne, je peux : rédiger un brouillon de modèle "
            + "(par exemple un email de relance pour les leads froids), dire qui relancer aujourd'hui, résumer un lead ou un "
            + "client, donner le statut d'une commande, les chiffres d'un flow et le rapport de la semaine.",
        whichContact: "De quel lead ou client s'agit-il ? Donnez-moi son nom ou son email.",
        whichOrder: "Quel est le numéro de la commande ?")

    static let english = AssistantWording(
        unsupported: "Without a language model I can't do that. Offline, I can: write a template draft (for example a "
            + "follow-up email for cold leads), tell you who to follow up today, summarise a lead or a customer, give an "
            + "order's status, a flow's figures and the weekly report.",
        whichContact: "Which lead or customer do you mean? Give me their name or email.",
        whichOrder: "What is the order number?")
}
