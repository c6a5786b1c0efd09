import AutopilotCore
import Foundation
import Scoring

/// Writes the one-sentence reason of a recommendation, with its numbers, in French or English.
enum ReasonWriter {
    static func reason(_ match: RuleMatch, contact: ContactHistory, now: Date, locale: ScoringLocale) -> String {
        let age = ElapsedTime.text(seconds: match.since.map { now.timeIntervalSince($0) } ?? 0, locale: locale)
        let to = ChannelWording.name(match.channel)
        let french = locale == .french
        switch match.rule {
        case .notOpened:
            let subject = ChannelWording.message(match.message?.channel ?? .email, locale: locale)
            let next: String
            switch (match.action == .switchChannel, french) {
            case (true, true): next = "relancer par " + to
            case (true, false): next = "follow up by " + to
            case (false, true): next = "renvoyer avec un nouvel objet"
            case (false, false): next = "resend with a new subject"
            }
            return french
                ? subject + " délivré il y a " + age + ", non ouvert — " + next
                : subject + " delivered " + age + " ago, not opened — " + next
        case .openedNoReply:
            let channel = match.message?.channel ?? .email
            let subject = ChannelWording.message(channel, locale: locale) + " " + ChannelWording.opened(channel, locale: locale)
            return french
                ? subject + " il y a " + age + ", sans réponse — relancer par " + to
                : subject + " " + age + " ago, no reply — follow up by " + to
        case .silence:
            let last = ChannelWording.name(match.message?.channel ?? match.channel)
            return french
                ? "Dernier message (" + last + ") envoyé il y a " + age + ", sans réponse — relancer par " + to
                : "Last message (" + last + ") sent " + age + " ago, no reply — follow up by " + to
        case .hotLeadWaiting:
            return french
                ? "Lead chaud arrivé il y a " + age + ", pas encore contacté — le contacter maintenant par " + to
                : "Hot lead in for " + age + ", not contacted yet — contact now by " + to
        case .atRiskCustomer:
            let score = ElapsedTime.score(contact.churn?.score ?? 0, locale: locale)
            let last: String
            switch (match.since != nil, french) {
            case (true, true): last = "dernier message il y a " + age
            case (true, false): last = "last message " + age + " ago"
            case (false, true): last = "jamais relancé"
            case (false, false): last = "never messaged"
            }
            return french
                ? "Client à risque de départ critique (score " + score + "), " + last + " — envoyer une offre de reconquête par " + to
                : "Customer at critical churn risk (score " + score + "), " + last + " — send a win-back offer by " + to
        }
    }

    /// The contact's language when it is French or English, else the tenant's.
    static func locale(of contact: ContactHistory, tenant: ScoringLocale) -> ScoringLocale {
        guard let tag = contact.locale?.lowercased() else { return tenant }
        if tag.hasPrefix("fr") { return .french }
        if tag.hasPrefix("en") { return .english }
        return tenant
    }
}
