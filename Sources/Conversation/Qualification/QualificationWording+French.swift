extension QualificationWording {
    static let french = QualificationWording(
        questions: [
            .need: [
                "Qu'aimeriez-vous améliorer ou automatiser en priorité ?",
                "Dites-moi ce que vous cherchez à faire : relancer les paniers, fidéliser vos clients, autre chose ?",
                "Quel est votre besoin principal aujourd'hui ?",
            ],
            .currentTools: [
                "Quels outils utilisez-vous aujourd'hui (boutique, emailing, CRM) ?",
                "Avec quels outils travaillez-vous en ce moment ? Shopify, Klaviyo, un CRM… ?",
                "Sur quelle plateforme tourne votre boutique, et avec quel outil d'emailing ?",
            ],
            .timeline: [
                "Quand aimeriez-vous démarrer ?",
                "Vous pensez commencer quand : ce mois-ci, dans quelques mois ?",
                "Avez-vous une date en tête pour vous lancer ?",
            ],
            .authority: [
                "C'est vous qui prendrez la décision ?",
                "Êtes-vous la personne qui décide pour ce projet ?",
                "La décision finale vous revient-elle ?",
            ],
            .budget: [
                "Avez-vous une idée du budget mensuel ? Une fourchette suffit.",
                "Quel budget pensez-vous consacrer à ce projet, par mois ?",
                "Combien prévoyez-vous d'investir chaque mois, à peu près ?",
            ],
        ],
        secondQuestions: [
            .need: ["En une phrase, qu'attendez-vous de nous ? Par exemple : relancer les paniers abandonnés."],
            .currentTools: ["Vous utilisez plutôt Shopify, WooCommerce, autre chose, ou rien pour l'instant ?"],
            .timeline: ["Plutôt tout de suite, dans le mois, dans le trimestre ou plus tard ?"],
            .authority: ["Pour bien vous orienter : c'est vous qui décidez (oui ou non) ?"],
            .budget: ["Même approximatif, un ordre de grandeur par mois nous aiderait. Vous pouvez aussi passer."],
        ],
        greeting: "Bonjour ! Je vais vous poser quelques questions rapides pour bien vous orienter.",
        thanks: ["Merci !", "C'est noté.", "Parfait, merci."],
        noProblem: ["Pas de souci, on s'en passera.", "Aucun problème, passons à la suite."],
        resume: ["Pour reprendre :", "Revenons à votre projet :"],
        closingHot: "Merci, j'ai tout ce qu'il me faut. Quelqu'un de l'équipe vous recontacte très vite.",
        closingCold: "Merci, j'ai tout ce qu'il me faut. Nous vous envoyons quelques ressources utiles par email.",
        intentReplies: IntentReplies(
            order: "Je regarde où en est votre commande.",
            orderWithoutNumber: "Je regarde votre commande : quel est son numéro ?",
            stock: "Je vérifie le stock.",
            question: "Bonne question, je cherche la réponse.",
            callback: "Avec plaisir, je vous propose un créneau pour vous rappeler.",
            person: "Je vous mets en relation avec quelqu'un de l'équipe."
        )
    )
}
