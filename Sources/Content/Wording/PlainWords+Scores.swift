import Foundation

/// The lifetime-model terms the letter and the dashboard explain.
public enum PlainTerm: String, Sendable, CaseIterable {
    /// BG/NBD + Gamma-Gamma: the model of how often a customer buys and how much.
    case lifetimeModel = "bg_nbd_gamma_gamma"
    /// P(alive): the chance the customer still buys from the shop.
    case probabilityAlive = "p_alive"
    /// The expected value of a customer's orders over the coming weeks.
    case lifetimeValue = "clv"
    /// When the customer is expected to order next.
    case expectedNextOrder = "expected_next_order"
    /// RFM: recency, frequency, monetary value.
    case rfm = "rfm"
    /// The churn risk score.
    case churnRisk = "churn_risk"
}

extension PlainWords {
    /// Churn bands from the most to the least severe (the order to show them in).
    public static let churnBandsBySeverity = ["critical", "very_high", "high", "medium", "low"]

    /// A churn band's name: `very_high` → "very high risk".
    public static func churnBand(_ code: String, language: ContentLanguage) -> String {
        let french = language == .french
        switch code {
        case "critical": return french ? "risque critique" : "critical risk"
        case "very_high": return french ? "risque très élevé" : "very high risk"
        case "high": return french ? "risque élevé" : "high risk"
        case "medium": return french ? "risque moyen" : "medium risk"
        case "low": return french ? "risque faible" : "low risk"
        default: return words(code)
        }
    }

    /// What a churn band means for the shop.
    public static func churnBandMeaning(_ code: String, language: ContentLanguage) -> String {
        let french = language == .french
        switch code {
        case "critical": return french ? "très probablement perdus sans geste de votre part" : "most likely gone unless you act"
        case "very_high": return french ? "le flow « clients sur le point de partir » s'en occupe" : "the \"customers about to leave\" flow takes care of them"
        case "high": return french ? "commandent bien moins qu'avant" : "ordering much less than before"
        case "medium": return french ? "à surveiller" : "worth watching"
        case "low": return french ? "achètent comme d'habitude" : "buying as usual"
        default: return ""
        }
    }

    /// An RFM segment (`potential_loyalist`) in plain words: its name and what its customers do.
    public static func segment(_ code: String, language: ContentLanguage) -> String {
        let english: [String: String] = [
            "champions": "champions — bought recently, often, and spend the most",
            "loyal": "loyal — buy regularly and spend well",
            "potential_loyalist": "potential loyalists — recent customers who came back",
            "new": "new — a first order, recently",
            "promising": "promising — a first order not long ago",
            "need_attention": "need attention — good customers who have not ordered lately",
            "about_to_sleep": "about to sleep — few orders, none lately",
            "at_risk": "at risk — used to buy, not for a while",
            "cant_lose_them": "can't lose them — big spenders gone quiet",
            "hibernating": "hibernating — no order for a long time",
            "lost": "lost — one small order, long ago",
        ]
        let french: [String: String] = [
            "champions": "champions — ont acheté récemment, souvent, et dépensent le plus",
            "loyal": "fidèles — achètent régulièrement et dépensent bien",
            "potential_loyalist": "fidèles potentiels — clients récents qui sont revenus",
            "new": "nouveaux — une première commande, récente",
            "promising": "prometteurs — une première commande il y a peu",
            "need_attention": "à surveiller — bons clients sans commande ces derniers temps",
            "about_to_sleep": "en train de s'endormir — peu de commandes, aucune récente",
            "at_risk": "à risque — achetaient, mais plus depuis un moment",
            "cant_lose_them": "à ne pas perdre — gros clients devenus silencieux",
            "hibernating": "en hibernation — aucune commande depuis longtemps",
            "lost": "perdus — une petite commande, il y a longtemps",
        ]
        return (language == .french ? french[code] : english[code]) ?? words(code)
    }

    /// A lifetime-model term in plain words, with its technical name where it has one.
    public static func term(_ term: PlainTerm, language: ContentLanguage) -> String {
        let french = language == .french
        switch term {
        case .lifetimeModel:
            return french
                ? "un modèle statistique (BG/NBD + Gamma-Gamma) qui apprend de l'historique de chaque client à quel rythme il achète et combien il dépense"
                : "a statistical model (BG/NBD + Gamma-Gamma) that learns from each customer's history how often they buy and how much they spend"
        case .probabilityAlive:
            return french
                ? "la probabilité que le client achète encore chez vous (P(alive))" : "the chance the customer still buys from you (P(alive))"
        case .lifetimeValue:
            return french ? "ce que le client devrait dépenser chez vous" : "what the customer is expected to spend with you"
        case .expectedNextOrder:
            return french ? "quand le client devrait commander à nouveau" : "when the customer is expected to order again"
        case .rfm:
            return french
                ? "des groupes de clients selon la date de leur dernière commande, leur nombre de commandes et leur dépense (RFM)"
                : "groups of customers by how recently they ordered, how often, and how much they spent (RFM)"
        case .churnRisk:
            return french
                ? "le risque que le client cesse d'acheter, d'après le temps écoulé depuis sa dernière commande comparé à son rythme habituel"
                : "the risk that the customer stops buying, from the time since their last order against their usual rhythm"
        }
    }
}

extension PlainWords {
    /// An RFM segment's name alone (`potential_loyalist` → "potential loyalists").
    public static func segmentName(_ code: String, language: ContentLanguage) -> String {
        let full = segment(code, language: language)
        guard let dash = full.range(of: " — ") else { return full }
        return String(full[..<dash.lowerBound])
    }
}
