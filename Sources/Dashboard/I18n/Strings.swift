import Content
import Foundation

/// The words of the dashboard, in French and English. Each page group adds its own catalog (`Strings+Today.swift`, …)
/// and lists it in `catalogs`; templates read them as `{{t.key}}`.
public struct Strings: Sendable {
    public typealias Catalog = [String: (fr: String, en: String)]

    static let catalogs: [Catalog] = [
        common, today, login, settings, errors, reports, automations, flowSteps, templates, messages, leads, timeline, customers, assistant,
        conversations,
    ]

    /// Every key in one language.
    static func table(_ language: ContentLanguage) -> [String: String] {
        var table: [String: String] = [:]
        for catalog in catalogs {
            for (key, words) in catalog { table[key] = language == .french ? words.fr : words.en }
        }
        return table
    }

    let table: [String: String]
    let language: ContentLanguage

    init(_ language: ContentLanguage) {
        self.language = language
        self.table = Self.cached[language] ?? Self.table(language)
    }

    private static let cached: [ContentLanguage: [String: String]] = Dictionary(
        uniqueKeysWithValues: ContentLanguage.allCases.map { ($0, table($0)) })

    /// The words for `key`; the key itself when missing (a test checks that none is).
    subscript(_ key: String) -> String { table[key] ?? key }

    /// `key` with `{0}`, `{1}`… replaced by `arguments`.
    func format(_ key: String, _ arguments: String...) -> String {
        var text = self[key]
        for (index, argument) in arguments.enumerated() { text = text.replacingOccurrences(of: "{\(index)}", with: argument) }
        return text
    }

    /// Pick between two wordings by language, for words built in code.
    func pick(fr: String, en: String) -> String { language == .french ? fr : en }
}

extension Strings {
    static let common: Catalog = [
        "app_name": ("Pilote automatique", "Autopilot"),
        "nav_today": ("Aujourd'hui", "Today"),
        "nav_leads": ("Leads", "Leads"),
        "nav_customers": ("Clients", "Customers"),
        "nav_automations": ("Automatisations", "Automations"),
        "nav_templates": ("Modèles", "Templates"),
        "nav_messages": ("Messages", "Messages"),
        "nav_reports": ("Rapports", "Reports"),
        "nav_settings": ("Réglages", "Settings"),
        "nav_menu": ("Menu", "Menu"),
        "nav_skip": ("Aller au contenu", "Skip to content"),
        "session_logout": ("Se déconnecter", "Sign out"),
        "session_signed_in_as": ("Connecté·e :", "Signed in as"),
        "language_switch": ("English", "Français"),
        "language_switch_code": ("en", "fr"),
        "common_save": ("Enregistrer", "Save"),
        "common_cancel": ("Annuler", "Cancel"),
        "common_search": ("Rechercher", "Search"),
        "common_filter": ("Filtrer", "Filter"),
        "common_all": ("Tout", "All"),
        "common_none": ("Rien pour l'instant.", "Nothing yet."),
        "common_next": ("Suivant", "Next"),
        "common_previous": ("Précédent", "Previous"),
        "common_show_all": ("Tout afficher", "Show all"),
        "common_view": ("Voir", "View"),
        "common_back": ("Retour", "Back"),
        "common_yes": ("oui", "yes"),
        "common_no": ("non", "no"),
        "common_data_table": ("Les chiffres du graphique", "The chart's figures"),
        "role_owner": ("propriétaire", "owner"),
        "role_editor": ("éditeur", "editor"),
        "role_viewer": ("lecture seule", "viewer"),
        "role_viewer_notice": (
            "Vous êtes en lecture seule : vous pouvez tout voir mais rien modifier.", "You are a viewer: you can see everything but change nothing."
        ),
    ]

    static let errors: Catalog = [
        "error_forbidden_title": ("Action non autorisée", "Not allowed"),
        "error_forbidden_body": (
            "Votre rôle ne permet pas cette action. Demandez à un propriétaire du compte.",
            "Your role does not allow this. Ask an owner of the account."
        ),
        "error_csrf_title": ("Formulaire expiré", "Form expired"),
        "error_csrf_body": (
            "Ce formulaire a expiré ou ne vient pas de cette page. Rechargez la page et réessayez.",
            "This form has expired or did not come from this page. Reload the page and try again."
        ),
        "error_not_found_title": ("Page introuvable", "Page not found"),
        "error_not_found_body": ("Cette page n'existe pas, ou plus, dans votre compte.", "This page does not exist, or no longer, in your account."),
        "error_invalid_title": ("Saisie à corriger", "Please correct"),
        "error_server_title": ("Une erreur est survenue", "Something went wrong"),
        "error_server_body": (
            "L'action n'a pas abouti et rien n'a été modifié. Réessayez dans un instant.",
            "The action did not go through and nothing was changed. Try again in a moment."
        ),
        "error_home": ("Revenir à l'accueil", "Back to today"),
    ]
}
