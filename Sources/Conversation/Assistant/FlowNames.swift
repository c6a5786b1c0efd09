/// The built-in flows by the names people give them, in French and English, to their ids in the flow library.
enum FlowNames {
    static let table: PhraseTable<String> = {
        var table = PhraseTable<String>()
        table.add([
            "panier abandonne", "paniers abandonnes", "abandon de panier", "abandons de panier", "relance panier",
            "relance de panier", "abandoned cart", "abandoned carts", "cart abandonment", "cart recovery",
        ], "abandoned-cart")
        table.add([
            "win back", "winback", "reconquete", "reconquerir", "reactivation", "reactiver", "come back",
        ], "win-back")
        table.add(["demande d avis", "demandes d avis", "avis clients", "review request", "review requests", "reviews"], "review-request")
        table.add(["anniversaire", "anniversaires", "birthday", "birthdays"], "birthday")
        table.add(["reapprovisionnement", "reassort", "rachat", "replenishment", "reorder", "refill"], "replenishment")
        table.add(["baisse de prix", "baisse des prix", "price drop", "price drops"], "price-drop")
        table.add(["parrainage", "referral", "referrals"], "referral")
        table.add(["bienvenue", "welcome", "accueil", "onboarding"], "welcome")
        table.add(["nurture", "nurturing", "lead nurture", "lead nurturing", "nurturing des leads", "maturation"], "lead-nurture")
        table.add([
            "clients a risque", "client a risque", "at risk", "at risk customers", "at risk customer", "churn", "attrition",
        ], "at-risk-customer")
        table.add(["confirmation de commande", "order confirmation", "order confirmations"], "order-confirmation-sms")
        table.add(["notification d expedition", "avis d expedition", "shipping notification", "shipping notifications"], "shipping-notification-sms")
        return table
    }()

    /// The id of the first flow named in `words`, and where.
    static func flow(in words: [String]) -> (id: String, range: Range<Int>)? {
        table.hits(in: words).first.map { ($0.value, $0.range) }
    }
}
