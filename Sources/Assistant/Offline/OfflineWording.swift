import AutopilotCore
import Conversation
import Foundation
import Scoring

/// The offline assistant's sentences in French and English.
struct OfflineWording: Sendable {
    let french: Bool

    static func of(_ language: ScoringLocale) -> OfflineWording { OfflineWording(french: language == .french) }

    func pick(_ fr: String, _ en: String) -> String { french ? fr : en }

    var readOnlyDraft: String {
        pick(
            "Votre accès est en lecture seule : je ne peux rien créer pour vous. Un éditeur ou le propriétaire de la boutique peut me le demander.",
            "Your access is read-only, so I cannot create anything for you. An editor or the shop's owner can ask me.")
    }

    var notOffered: String {
        pick("Cette action ne vous est pas ouverte avec votre accès.", "This action is not open to you with your access.")
    }

    var notUnderstood: String {
        pick("Je n'ai pas compris la demande. Pouvez-vous la reformuler ?", "I did not understand the request. Could you put it another way?")
    }

    func needEmail(_ name: String) -> String {
        pick(
            "Sans modèle de langue, je retrouve un contact par son email. Quel est l'email de \(name) ?",
            "Without a language model I find a contact by their email. What is \(name)'s email?")
    }

    func draftPreface(_ purpose: DraftPurpose, _ channel: Channel) -> String {
        let what = french ? DraftWords.french(purpose) : DraftWords.english(purpose)
        return pick(
            "Je vous propose de créer un brouillon \(DraftWords.channel(channel, french: true)) : \(what). Rien n'est créé tant que vous "
                + "ne confirmez pas.",
            "I suggest creating \(DraftWords.channel(channel, french: false)) draft: \(what). Nothing is created until you confirm.")
    }

    var declined: String { pick("D'accord, je n'ai rien fait.", "All right, I did nothing.") }

    func failed(_ title: String, _ reason: String) -> String {
        pick("Je n'ai pas pu le faire (\(title)) : \(reason)", "I could not do it (\(title)): \(reason)")
    }
}

/// A draft's purpose and channel in words.
enum DraftWords {
    static func channel(_ channel: Channel, french: Bool) -> String {
        switch channel {
        case .email: french ? "d'email" : "an email"
        case .sms: french ? "de SMS" : "an SMS"
        case .whatsapp: french ? "de message WhatsApp" : "a WhatsApp"
        }
    }

    static func french(_ purpose: DraftPurpose) -> String {
        let goals: [DraftGoal: String] = [
            .followUp: "relance", .welcome: "bienvenue", .abandonedCart: "panier abandonné", .winBack: "reconquête",
            .reviewRequest: "demande d'avis", .birthday: "anniversaire", .promotion: "promotion", .thankYou: "remerciement",
            .newsletter: "newsletter", .announcement: "annonce", .general: "message",
        ]
        let audiences: [DraftAudience: String] = [
            .coldLeads: "les leads froids", .warmLeads: "les leads tièdes", .hotLeads: "les leads chauds", .leads: "les leads",
            .newCustomers: "les nouveaux clients", .inactiveCustomers: "les clients inactifs", .vipCustomers: "les meilleurs clients",
            .atRiskCustomers: "les clients à risque", .customers: "les clients",
        ]
        let goal = goals[purpose.goal] ?? "message"
        return purpose.audience.flatMap { audiences[$0] }.map { "\(goal) pour \($0)" } ?? goal
    }

    static func english(_ purpose: DraftPurpose) -> String {
        let goal = purpose.goal == .general ? "message" : purpose.goal.rawValue.replacingOccurrences(of: "-", with: " ")
        return purpose.audience.map { "\(goal) for \($0.rawValue)" } ?? goal
    }
}
