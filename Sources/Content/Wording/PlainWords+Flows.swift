extension PlainWords {
    static let flowEnglish: [String: String] = [
        "abandoned-cart": "abandoned cart reminders",
        "at-risk-customer": "customers about to leave",
        "birthday": "birthday wishes",
        "delegate-not-opened": "follow-up of unopened messages (delegated)",
        "delegate-opened-no-reply": "follow-up of opened, unanswered messages (delegated)",
        "delegate-silence": "follow-up after a long silence (delegated)",
        "lead-nurture": "new business leads",
        "order-confirmation-sms": "order confirmations by SMS",
        "price-drop": "price drop alerts",
        "referral": "referral invitations",
        "replenishment": "replenishment reminders",
        "review-request": "review requests",
        "shipping-notification-sms": "shipping notices by SMS",
        "welcome": "welcome series",
        "win-back": "win-back of lapsed customers",
    ]

    static let flowFrench: [String: String] = [
        "abandoned-cart": "relances de panier abandonné",
        "at-risk-customer": "clients sur le point de partir",
        "birthday": "vœux d'anniversaire",
        "delegate-not-opened": "relance des messages non ouverts (déléguée)",
        "delegate-opened-no-reply": "relance des messages ouverts sans réponse (déléguée)",
        "delegate-silence": "relance après un long silence (déléguée)",
        "lead-nurture": "nouveaux prospects B2B",
        "order-confirmation-sms": "confirmations de commande par SMS",
        "price-drop": "alertes de baisse de prix",
        "referral": "invitations au parrainage",
        "replenishment": "rappels de réassort",
        "review-request": "demandes d'avis",
        "shipping-notification-sms": "avis d'expédition par SMS",
        "welcome": "série de bienvenue",
        "win-back": "reconquête des clients partis",
    ]

    static let ruleEnglish: [String: String] = [
        "hot_lead_waiting": "a hot lead is waiting for an answer: call or write today",
        "at_risk_customer": "a good customer is likely to leave: a personal word, perhaps an offer",
        "not_opened": "your last message was not opened: try another channel or subject",
        "opened_no_reply": "they opened your message but did not reply: a short personal follow-up",
        "silence": "no news for a long time: a friendly check-in",
    ]

    static let ruleFrench: [String: String] = [
        "hot_lead_waiting": "un prospect chaud attend une réponse : appelez ou écrivez aujourd'hui",
        "at_risk_customer": "un bon client risque de partir : un mot personnel, peut-être une offre",
        "not_opened": "votre dernier message n'a pas été ouvert : essayez un autre canal ou un autre objet",
        "opened_no_reply": "il a ouvert votre message sans répondre : une courte relance personnelle",
        "silence": "pas de nouvelles depuis longtemps : une prise de nouvelles amicale",
    ]
}

extension PlainWords {
    /// A recommendation's priority (`high`, `medium`, `low`) as how soon to act.
    public static func priority(_ code: String, language: ContentLanguage) -> String {
        let french = language == .french
        switch code {
        case "high", "urgent": return french ? "urgent" : "urgent"
        case "medium": return french ? "bientôt" : "soon"
        case "low": return french ? "quand vous pourrez" : "when you can"
        default: return words(code)
        }
    }
}
