import AutopilotCore

/// The goal, audience and channel of a template draft, in French and English.
enum DraftPhrases {
    static let goals = PhraseTable<DraftGoal>([
        ("relance", .followUp), ("relances", .followUp), ("relancer", .followUp), ("suivi", .followUp),
        ("follow up", .followUp), ("follow ups", .followUp), ("reminder", .followUp), ("rappel", .followUp),
        ("bienvenue", .welcome), ("welcome", .welcome), ("accueil", .welcome),
        ("panier abandonne", .abandonedCart), ("paniers abandonnes", .abandonedCart), ("abandon de panier", .abandonedCart),
        ("abandoned cart", .abandonedCart), ("abandoned carts", .abandonedCart), ("cart recovery", .abandonedCart),
        ("reconquete", .winBack), ("win back", .winBack), ("winback", .winBack), ("reactivation", .winBack),
        ("come back", .winBack), ("revenir", .winBack),
        ("avis", .reviewRequest), ("demande d avis", .reviewRequest), ("review", .reviewRequest),
        ("review request", .reviewRequest), ("reviews", .reviewRequest),
        ("anniversaire", .birthday), ("birthday", .birthday),
        ("promo", .promotion), ("promotion", .promotion), ("soldes", .promotion), ("reduction", .promotion),
        ("remise", .promotion), ("offre", .promotion), ("discount", .promotion), ("sale", .promotion),
        ("offer", .promotion), ("black friday", .promotion), ("code promo", .promotion),
        ("remerciement", .thankYou), ("remercier", .thankYou), ("merci", .thankYou), ("thank you", .thankYou),
        ("thanks", .thankYou),
        ("newsletter", .newsletter), ("actualites", .newsletter), ("news", .newsletter),
        ("annonce", .announcement), ("lancement", .announcement), ("nouveau produit", .announcement),
        ("nouveaute", .announcement), ("new product", .announcement), ("launch", .announcement),
        ("announcement", .announcement),
    ], typoMinimumLength: 5)

    static let audiences = PhraseTable<DraftAudience>([
        ("leads froids", .coldLeads), ("prospects froids", .coldLeads), ("cold leads", .coldLeads),
        ("cold prospects", .coldLeads), ("leads tiedes", .warmLeads), ("warm leads", .warmLeads),
        ("prospects tiedes", .warmLeads), ("leads chauds", .hotLeads), ("prospects chauds", .hotLeads),
        ("hot leads", .hotLeads), ("leads", .leads), ("lead", .leads), ("prospects", .leads), ("prospect", .leads),
        ("nouveaux clients", .newCustomers), ("new customers", .newCustomers), ("premiers acheteurs", .newCustomers),
        ("first time buyers", .newCustomers), ("clients inactifs", .inactiveCustomers),
        ("anciens clients", .inactiveCustomers), ("inactive customers", .inactiveCustomers),
        ("lapsed customers", .inactiveCustomers), ("dormant customers", .inactiveCustomers),
        ("clients vip", .vipCustomers), ("vip", .vipCustomers), ("meilleurs clients", .vipCustomers),
        ("clients fideles", .vipCustomers), ("best customers", .vipCustomers), ("loyal customers", .vipCustomers),
        ("clients a risque", .atRiskCustomers), ("at risk customers", .atRiskCustomers),
        ("clients", .customers), ("client", .customers), ("customers", .customers), ("customer", .customers),
    ])

    static let channels = PhraseTable<Channel>([
        ("email", .email), ("e mail", .email), ("mail", .email), ("courriel", .email), ("newsletter", .email),
        ("sms", .sms), ("texto", .sms), ("text message", .sms), ("whatsapp", .whatsapp),
    ], typoMinimumLength: 5)
}
