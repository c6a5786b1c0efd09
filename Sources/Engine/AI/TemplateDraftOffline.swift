import AutopilotCore
import Foundation
import LLM

/// The draft written without a language model: a deterministic text for the theme the request names (cart, lead,
/// review, win-back), in French or English, using only known variables.
enum TemplateDraftOffline {
    enum Theme: String, CaseIterable {
        case cart, lead, review, winback
    }

    static let responder = OfflineResponder { request in
        guard let document = try? JSONValue.parse(request.lastUserText), let text = document["request"]?.stringValue else { return nil }
        let channel = Channel(rawValue: document["channel"]?.stringValue ?? "") ?? .email
        let language = String((document["locale"]?.stringValue ?? "fr").prefix { $0 != "-" })
        return .json(answer(request: text, channel: channel, french: language == "fr"))
    }

    static func theme(of request: String) -> Theme {
        let words = request.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let keywords: [(Theme, [String])] = [
            (.cart, ["panier", "cart", "checkout", "commande abandonnee"]),
            (.lead, ["lead", "prospect", "devis", "quote", "demo"]),
            (.review, ["avis", "review", "note", "temoignage"]),
        ]
        return keywords.first { $0.1.contains(where: words.contains) }?.0 ?? .winback
    }

    static func answer(request: String, channel: Channel, french: Bool) -> JSONValue {
        let theme = theme(of: request)
        let (subject, body) = french ? frenchText(theme) : englishText(theme)
        let short = channel != .email
        return [
            "name": .string("\(theme.rawValue)-follow-up-\(channel.rawValue)"),
            "description": .string((french ? "Brouillon hors ligne : " : "Offline draft: ") + String(request.prefix(150))),
            "subject": .string(short ? "" : subject),
            "body": .string(short ? shortBody(theme, french: french) : body),
        ]
    }

    private static func frenchText(_ theme: Theme) -> (String, String) {
        switch theme {
        case .cart:
            return (
                "{{contact.first_name}}, votre panier vous attend",
                "Bonjour {{contact.first_name}},\n\nVous avez laissé des articles dans votre panier. Ils vous attendent ici : "
                    + "{{cart.checkout_url}}\n\nÀ bientôt,\n{{shop.signature}}"
            )
        case .lead:
            return (
                "{{contact.first_name}}, on reprend contact ?",
                "Bonjour {{contact.first_name}},\n\nNous avions échangé au sujet de vos besoins. Où en êtes-vous ? "
                    + "Si le moment est venu, réservez un créneau : {{links.booking}}\n\nBien à vous,\n{{shop.signature}}"
            )
        case .review:
            return (
                "Votre avis compte, {{contact.first_name}}",
                "Bonjour {{contact.first_name}},\n\nMerci pour votre confiance. Pourriez-vous nous dire ce que vous en pensez ? "
                    + "{{links.review}}\n\nMerci,\n{{shop.signature}}"
            )
        case .winback:
            return (
                "{{contact.first_name}}, des nouvelles de {{shop.name}}",
                "Bonjour {{contact.first_name}},\n\nCela fait un moment ! Découvrez ce qui a changé chez {{shop.name}} : "
                    + "{{shop.url}}\n\nÀ bientôt,\n{{shop.signature}}"
            )
        }
    }

    private static func englishText(_ theme: Theme) -> (String, String) {
        switch theme {
        case .cart:
            return (
                "{{contact.first_name}}, your cart is waiting",
                "Hello {{contact.first_name}},\n\nYou left a few items in your cart. They are waiting for you here: "
                    + "{{cart.checkout_url}}\n\nSee you soon,\n{{shop.signature}}"
            )
        case .lead:
            return (
                "{{contact.first_name}}, shall we pick this up again?",
                "Hello {{contact.first_name}},\n\nWe talked about what you need a while ago. Where do things stand? "
                    + "When the time is right, book a call: {{links.booking}}\n\nBest regards,\n{{shop.signature}}"
            )
        case .review:
            return (
                "Your opinion matters, {{contact.first_name}}",
                "Hello {{contact.first_name}},\n\nThank you for your trust. Would you tell us what you think? "
                    + "{{links.review}}\n\nThank you,\n{{shop.signature}}"
            )
        case .winback:
            return (
                "{{contact.first_name}}, news from {{shop.name}}",
                "Hello {{contact.first_name}},\n\nIt has been a while! See what is new at {{shop.name}}: "
                    + "{{shop.url}}\n\nSee you soon,\n{{shop.signature}}"
            )
        }
    }

    private static func shortBody(_ theme: Theme, french: Bool) -> String {
        switch (theme, french) {
        case (.cart, true): "{{shop.name}} : {{contact.first_name}}, votre panier vous attend : {{cart.checkout_url}}"
        case (.cart, false): "{{shop.name}}: {{contact.first_name}}, your cart is waiting: {{cart.checkout_url}}"
        case (.lead, true): "{{shop.name}} : {{contact.first_name}}, on en reparle ? Réservez un créneau : {{links.booking}}"
        case (.lead, false): "{{shop.name}}: {{contact.first_name}}, shall we talk again? Book a call: {{links.booking}}"
        case (.review, true): "{{shop.name}} : {{contact.first_name}}, votre avis nous aide : {{links.review}}"
        case (.review, false): "{{shop.name}}: {{contact.first_name}}, your review helps us: {{links.review}}"
        case (.winback, true): "{{shop.name}} : {{contact.first_name}}, du nouveau vous attend : {{shop.url}}"
        case (.winback, false): "{{shop.name}}: {{contact.first_name}}, there is something new for you: {{shop.url}}"
        }
    }
}
