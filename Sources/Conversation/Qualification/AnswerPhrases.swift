/// What a visitor's answer says beyond the BANT rules: yes or no, "I'd rather not say", a need, the tools in use.
enum AnswerPhrases {
    enum Cue: Sendable, Hashable {
        case yes, no, sharedDecision, refusal, need, noTools
        case tool(String)
    }

    static let table: PhraseTable<Cue> = {
        var table = PhraseTable<Cue>()
        table.add([
            "oui", "ouais", "yes", "yep", "yeah", "yup", "c est moi", "c est bien moi", "moi", "moi meme", "me", "myself",
            "that s me", "it s me", "i do", "i will", "exactement", "exactly", "absolument", "absolutely",
            "bien sur", "of course", "tout a fait", "certainement", "certainly", "correct", "affirmatif", "sure",
        ], .yes)
        table.add(["non", "no", "nope", "nan", "pas moi", "not me", "not really", "pas vraiment", "pas seul", "pas seule"], .no)
        table.add([
            "a plusieurs", "ensemble", "a deux", "avec mon associe", "avec mon associee", "avec mes associes",
            "avec mon equipe", "together", "jointly", "with my partner", "with my partners", "with my team",
            "with my cofounder", "avec ma cofondatrice", "avec mon cofondateur",
        ], .sharedDecision)
        table.add([
            "je prefere ne pas", "je prefere pas", "prefere ne pas le dire", "pas envie de dire", "pas envie de le dire",
            "je ne souhaite pas", "je souhaite pas", "je ne veux pas", "je veux pas", "confidentiel", "secret",
            "je ne sais pas", "je sais pas", "sais pas", "aucune idee", "pas d idee", "pas encore defini",
            "pas defini", "pas encore fixe", "on verra", "je passe", "passons", "question suivante", "joker",
            "rather not", "prefer not", "i d rather not", "not telling", "confidential", "no idea", "don t know",
            "dont know", "do not know", "not sure", "not decided", "not defined", "undecided", "tbd", "pass", "skip",
            "next question", "i won t say", "won t say", "not saying", "can t say", "cannot say", "peux pas dire",
            "je ne peux pas dire",
        ], .refusal)
        table.add([
            "besoin", "je cherche", "nous cherchons", "on cherche", "je voudrais", "nous voudrions", "on voudrait",
            "je souhaite", "nous souhaitons", "j aimerais", "nous aimerions", "objectif", "automatiser", "relancer",
            "fideliser", "augmenter", "ameliorer", "recuperer", "need", "needs", "looking for", "we want", "i want",
            "would like", "goal", "trying to", "automate", "follow up", "increase", "improve", "recover", "grow",
        ], .need)
        table.add([
            "rien", "aucun", "aucun outil", "pas d outil", "rien du tout", "a la main", "sur excel", "nothing", "none",
            "no tool", "no tools", "by hand", "manually", "nothing yet", "rien pour l instant",
        ], .noTools)
        for tool in tools { table.add(tool.lowercased(), .tool(tool)) }
        return table
    }()

    /// Shop platforms, emailing tools, CRMs and spreadsheets, as written in a summary.
    static let tools = [
        "Shopify", "WooCommerce", "PrestaShop", "Magento", "Wix", "Squarespace", "BigCommerce", "Shopware", "WordPress",
        "Klaviyo", "Mailchimp", "Brevo", "Sendinblue", "Omnisend", "ActiveCampaign", "SendGrid", "Mailjet", "HubSpot",
        "Pipedrive", "Salesforce", "Zoho", "Axonaut", "Sellsy", "Excel", "Google Sheets", "Notion", "Airtable", "Zapier",
        "Gorgias", "Zendesk", "Intercom", "Stripe", "Lightspeed",
    ]

    static func hits(in text: String) -> [PhraseTable<Cue>.Hit] {
        table.hits(in: ConversationText(text).words)
    }
}
