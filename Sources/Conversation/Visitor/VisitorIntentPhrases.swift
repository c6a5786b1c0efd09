/// The French and English phrases that point to each visitor intent, with their weight: 2 for a phrase that says it
/// alone ("où est ma commande", "talk to a human"), 1 for a hint ("livraison", "disponible").
enum VisitorIntentPhrases {
    enum Kind: Sendable, Hashable {
        case order, stock, question, callback, person
        /// A word that makes a message a question ("comment", "how", "est-ce que").
        case asking
    }

    struct Cue: Sendable {
        let kind: Kind
        let weight: Double
    }

    static let table: PhraseTable<Cue> = {
        var table = PhraseTable<Cue>()
        func add(_ kind: Kind, _ weight: Double, _ phrases: [String]) { table.add(phrases, Cue(kind: kind, weight: weight)) }
        add(.order, 2, [
            "ma commande", "mon colis", "mes commandes", "ma livraison", "ma commande n", "suivi de commande",
            "suivre ma commande", "numero de suivi", "statut de ma commande", "etat de ma commande", "ou en est",
            "pas recu", "pas encore recu", "toujours pas recu", "quand vais je recevoir", "quand est ce que je recois",
            "my order", "my package", "my parcel", "my delivery", "order status", "track my order", "tracking number",
            "where is my", "where s my", "not received", "haven t received", "still haven t received",
            "when will i receive", "when will i get", "has my order shipped", "has it shipped",
        ])
        add(.order, 1, [
            "commande", "colis", "suivi", "expedie", "expediee", "expedition", "livre", "livree", "order", "package",
            "parcel", "tracking", "shipped", "shipping status", "delivered", "ou est", "arrive quand",
        ])
        add(.stock, 2, [
            "en stock", "du stock", "le stock", "stock", "stocks", "rupture", "en rupture", "rupture de stock", "in stock",
            "out of stock", "back in stock", "de retour en stock", "reapprovisionne", "restock", "restocked",
            "encore disponible", "still available", "availability", "disponibilite", "il en reste", "vous en reste",
            "any left", "en reste t il", "reste t il des",
        ])
        add(.stock, 1, ["do you have", "left", "disponible", "disponibles", "dispo", "available", "taille", "size", "couleur", "colour", "color"])
        add(.question, 2, [
            "delais de livraison", "delai de livraison", "frais de port", "frais de livraison", "livrez vous",
            "livrer en", "politique de retour", "retourner un", "retourner mon", "retour produit", "faire un retour",
            "remboursement", "rembourse", "moyens de paiement", "payer en", "paiement en plusieurs fois", "garantie",
            "horaires", "heures d ouverture", "ouvert le", "code promo", "retrait en magasin", "click and collect",
            "shipping cost", "shipping costs", "delivery time", "delivery times", "do you ship", "do you deliver",
            "return policy", "returns", "refund", "refunds", "payment methods", "pay with", "pay in installments",
            "warranty", "guarantee", "opening hours", "are you open", "discount code", "promo code", "store pickup",
            "integration", "integrations", "integrez vous", "compatible avec", "compatible with", "do you integrate",
            "tarifs", "vos prix", "pricing", "your prices", "essai gratuit", "free trial", "rgpd", "gdpr",
        ])
        add(.callback, 2, [
            "rappelez moi", "me rappeler", "me rappelle", "etre rappele", "etre rappelee", "rappel telephonique",
            "prendre rendez vous", "prendre un rendez vous", "prendre rdv", "un rdv", "un rendez vous", "un creneau",
            "un appel", "planifier un appel", "caler un appel", "organiser un appel", "appelez moi", "m appeler",
            "call me", "call me back", "callback", "call back", "book a call", "schedule a call", "set up a call",
            "book a meeting", "book an appointment", "an appointment", "a call", "a quick call", "phone call",
            "book a demo", "une demo", "a demo",
        ])
        add(.person, 2, [
            "un humain", "une humaine", "un etre humain", "une vraie personne", "une personne", "quelqu un de reel",
            "parler a quelqu un", "parler avec quelqu un", "un conseiller", "une conseillere", "un agent", "un operateur",
            "un vendeur", "une vendeuse", "le service client", "un responsable", "parler a un", "parler a une",
            "a human", "a real person", "a person", "real human", "someone real", "talk to someone", "speak to someone",
            "speak with someone", "talk to somebody", "an agent", "a live agent", "customer service", "an operator",
            "a representative", "a manager", "talk to a", "speak to a", "speak with a", "pas un robot", "not a bot",
            "not a robot", "arretez le robot", "stop the bot",
        ])
        add(.asking, 1, [
            "comment", "combien", "pourquoi", "quand", "quel", "quelle", "quels", "quelles", "est ce que", "est ce qu",
            "pouvez vous", "puis je", "peut on", "avez vous", "faites vous", "acceptez vous", "proposez vous", "y a t il",
            "c est quoi", "how", "what", "when", "why", "which", "do you", "does it", "can i", "can you", "could you",
            "is there", "are there", "is it", "will it",
        ])
        return table
    }()
}
