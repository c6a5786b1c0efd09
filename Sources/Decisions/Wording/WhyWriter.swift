import AutopilotCore
import Foundation
import Scoring

/// The one line that says why a recommendation is on the daily list, in plain words, in French or English: what
/// happened, then what it is worth and from which numbers.
///
/// "Opened your email 2 days ago, no reply — about €820 at stake (lead score 82 × €1,000 deal)"
public enum WhyWriter {
    public static func line(_ recommendation: Recommendation, language: ScoringLocale, currency: String) -> String {
        fact(recommendation, language) + " — " + worth(recommendation.expectedValue, language, currency)
    }

    static func fact(_ recommendation: Recommendation, _ language: ScoringLocale) -> String {
        let french = language == .french
        let evidence = recommendation.evidence
        let age = ElapsedTime.text(seconds: (evidence.hoursSince ?? 0) * 3600, locale: language)
        let channel = evidence.messageChannel ?? recommendation.channel
        let message = ChannelWording.name(channel)
        switch recommendation.rule {
        case .hotLeadWaiting:
            return french ? "Lead chaud qui attend un premier contact depuis " + age : "Hot lead waiting " + age + " for a first contact"
        case .atRiskCustomer:
            let score = ElapsedTime.score(evidence.churnScore ?? 0, locale: language)
            if evidence.hoursSince == nil {
                return french
                    ? "Client sur le point de partir (risque " + score + "), jamais relancé"
                    : "Customer about to leave (risk " + score + "), never followed up"
            }
            return french
                ? "Client sur le point de partir (risque " + score + "), sans nouvelles de nous depuis " + age
                : "Customer about to leave (risk " + score + "), nothing from us for " + age
        case .notOpened:
            return french ? "N'a pas ouvert votre " + message + " depuis " + age : "Has not opened your " + message + " in " + age
        case .openedNoReply:
            let verb = channel == .whatsapp ? (french ? "A lu" : "Read") : (french ? "A ouvert" : "Opened")
            return french
                ? verb + " votre " + message + " il y a " + age + ", sans répondre"
                : verb + " your " + message + " " + age + " ago, no reply"
        case .silence:
            return french ? "Aucune réponse à votre dernier message depuis " + age : "No reply to your last message in " + age
        }
    }

    static func worth(_ value: ExpectedValue, _ language: ScoringLocale, _ currency: String) -> String {
        let french = language == .french
        let amount = MoneyWording.text(value.amount, currency: currency, locale: language)
        let base = MoneyWording.text(value.value, currency: currency, locale: language)
        let percent = String(Int((value.likelihood * 100).rounded()))
        switch value.basis {
        case .lead:
            let deal: String
            switch (value.source == .dealSize, french) {
            case (true, true): deal = "affaire de " + base
            case (true, false): deal = base + " deal"
            case (false, true): deal = "affaire type de " + base
            case (false, false): deal = "typical " + base + " deal"
            }
            return french
                ? "environ " + amount + " en jeu (score du lead " + percent + " × " + deal + ")"
                : "about " + amount + " at stake (lead score " + percent + " × " + deal + ")"
        case .customer:
            let lifetime: String
            switch (value.source == .predictedLifetimeValue, french) {
            case (true, true): lifetime = "valeur vie client prévue " + base
            case (true, false): lifetime = base + " predicted lifetime value"
            case (false, true): lifetime = base + " dépensés jusqu'ici"
            case (false, false): lifetime = base + " spent so far"
            }
            return french
                ? "environ " + amount + " en jeu (risque de départ " + percent + " % × " + lifetime + ")"
                : "about " + amount + " at stake (" + percent + "% churn risk × " + lifetime + ")"
        case .unknown:
            return french ? "valeur inconnue (ni lead ni commande)" : "value unknown (no lead, no order)"
        }
    }
}
