import AutopilotCore
import Foundation

/// A draft in one plain sentence, in French or English: what will happen if the person confirms it.
enum DraftSummary {
    static let frenchTitles: [String: String] = [
        "create_template_draft": "Créer un brouillon de modèle", "send_message": "Envoyer un message",
        "decide_recommendation": "Décider d'une relance", "schedule_callback": "Planifier un rappel",
        "create_payment_link": "Créer un lien de paiement", "create_support_ticket": "Ouvrir un ticket",
        "hand_off_to_human": "Passer la main à une personne",
    ]

    static let englishTitles: [String: String] = [
        "create_template_draft": "Create a template draft", "send_message": "Send a message", "decide_recommendation": "Decide on a follow-up",
        "schedule_callback": "Book a callback", "create_payment_link": "Create a payment link", "create_support_ticket": "Open a support ticket",
        "hand_off_to_human": "Hand over to a person",
    ]

    static func title(_ tool: String, french: Bool) -> String {
        (french ? frenchTitles[tool] : englishTitles[tool]) ?? tool.replacingOccurrences(of: "_", with: " ")
    }

    static func sentence(_ tool: String, _ arguments: JSONValue, french: Bool) -> String {
        func text(_ key: String) -> String? { arguments[key]?.stringValue }
        switch tool {
        case "create_template_draft":
            let channel = text("channel") ?? "email"
            let request = text("request") ?? ""
            return french
                ? "Un brouillon \(channel) (\(text("locale") ?? "fr")), inactif jusqu'à ce qu'une personne l'active : « \(request) »"
                : "A \(channel) draft (\(text("locale") ?? "en")), inactive until a person activates it: \"\(request)\""
        case "send_message":
            let to = text("email") ?? text("phone") ?? "?"
            let template = text("template") ?? "?"
            return french ? "Envoyer le modèle « \(template) » à \(to)" : "Send the template \"\(template)\" to \(to)"
        default:
            let shown = arguments.jsonString
            return title(tool, french: french) + " — " + (shown.count > 300 ? String(shown.prefix(300)) + "…" : shown)
        }
    }
}
