/// The French and English phrases that point to each assistant intent, with their weight: 2 for a phrase that says
/// it alone ("rapport hebdo", "qui relancer"), 1 for a part ("écris", "email", "chiffres", "commande"). Words of five
/// letters or more are read with one typo: a team member typing fast writes "emial" or "writte".
enum AssistantPhrases {
    enum Kind: Sendable, Hashable {
        case draftVerb, draftNoun, followUps, summary, order, flow, figures, report
    }

    struct Cue: Sendable {
        let kind: Kind
        let weight: Double
    }

    static let table: PhraseTable<Cue> = {
        var table = PhraseTable<Cue>(typoMinimumLength: 5)
        func add(_ kind: Kind, _ weight: Double, _ phrases: [String]) { table.add(phrases, Cue(kind: kind, weight: weight)) }
        add(.draftVerb, 1, [
            "cree", "creer", "cree moi", "cree nous", "ecris", "ecrire", "ecris moi", "redige", "rediger", "redige moi",
            "prepare", "preparer", "prepare moi", "fais moi", "genere", "generer", "propose moi", "write", "create",
            "draft", "compose", "generate", "make me", "prepare me", "put together", "come up with", "j ai besoin d",
            "i need",
        ])
        add(.draftNoun, 1, [
            "email", "e mail", "mail", "courriel", "sms", "texto", "whatsapp", "message", "modele", "template",
            "brouillon", "campagne", "campaign", "newsletter",
        ])
        add(.followUps, 2, [
            "qui relancer", "qui dois je relancer", "qui je dois relancer", "qui faut il relancer", "qui je relance",
            "a relancer aujourd hui", "relances du jour", "relances d aujourd hui", "qui contacter", "qui appeler",
            "a qui ecrire", "who to follow up", "who should i follow up", "who do i follow up", "who should we follow up",
            "follow ups for today", "follow ups today", "today s follow ups", "who should i contact", "who to contact",
            "who should i call", "recommandations du jour", "recommandations en attente", "pending recommendations",
            "next best actions", "to do today", "a faire aujourd hui",
        ])
        add(.followUps, 1, ["relancer", "relances", "follow up", "recommandations", "recommendations", "aujourd hui", "today"])
        add(.summary, 2, [
            "resume de", "resume moi", "resume du", "resumer", "fiche de", "fiche du", "fiche client", "profil de",
            "profil du", "summary of", "summary for", "summarize", "summarise", "sum up", "tell me about",
            "parle moi de", "qui est", "who is", "infos sur", "info sur", "informations sur", "info on", "info about",
            "what do we know about", "que sait on de", "que sait on sur", "point sur", "ou en est on avec",
            "where are we with", "l historique de", "history of",
        ])
        add(.summary, 1, ["resume", "summary", "profil", "profile", "fiche"])
        add(.order, 2, [
            "statut de la commande", "statut de commande", "etat de la commande", "suivi de la commande",
            "ou en est la commande", "order status", "status of order", "status of the order", "where is order",
            "track order",
        ])
        add(.order, 1, ["commande", "order", "statut", "status", "suivi", "tracking", "livraison", "delivery"])
        add(.flow, 1, [
            "flow", "flows", "flux", "scenario", "scenarios", "automation", "automations", "automatisation",
            "automatisations", "sequence", "sequences", "parcours",
        ])
        add(.figures, 1, [
            "chiffres", "stats", "statistiques", "performance", "performances", "resultats", "taux", "conversions",
            "figures", "numbers", "results", "metrics", "kpi", "kpis", "how is", "how are", "comment marche",
            "comment va", "comment se porte", "ca rapporte", "revenue", "rapporte",
        ])
        add(.report, 2, [
            "rapport hebdo", "rapport hebdomadaire", "rapport de la semaine", "bilan de la semaine", "bilan hebdo",
            "recap de la semaine", "recap hebdo", "resume de la semaine", "point hebdo", "weekly report",
            "weekly recap", "weekly summary", "report for the week", "week in review", "this week s report",
            "last week s report", "how did we do this week", "how did we do last week",
        ])
        add(.report, 1, [
            "rapport", "report", "bilan", "recap", "hebdo", "weekly", "la semaine derniere", "cette semaine", "last week",
            "this week",
        ])
        return table
    }()
}
