extension Strings {
    static let settings: Catalog = [
        "settings_time_zone": ("Fuseau horaire de la boutique", "The shop's time zone"),
        "settings_time_zone_help": (
            "Les dates et les heures du tableau de bord et des rapports sont affichées dans ce fuseau.",
            "Dates and times on the dashboard and in reports are shown in this time zone."
        ),
        "settings_language": ("Votre langue", "Your language"),
        "settings_language_invalid": ("Langue inconnue : français ou anglais.", "Unknown language: French or English."),
        "notice_settings_saved": ("Réglages enregistrés.", "Settings saved."),
        "settings_shown_once": (
            "Copiez-le maintenant : il ne sera plus jamais affiché.", "Copy it now: it will never be shown again."
        ),
        "settings_channels": ("Canaux et intégrations", "Channels and integrations"),
        "settings_channels_help": (
            "Les services d'envoi et les intégrations de ce serveur, avec leurs derniers succès et échecs.",
            "This server's sending services and integrations, with their latest successes and failures."
        ),
        "settings_channel": ("Service", "Service"),
        "settings_state": ("État", "State"),
        "settings_successes": ("Réussites", "Successes"),
        "settings_failures": ("Échecs", "Failures"),
        "settings_last_success": ("Dernière réussite", "Last success"),
        "settings_last_error": ("Dernier échec", "Last failure"),
        "settings_no_integrations": (
            "Aucun service configuré : les messages sont écrits dans le journal, rien n'est envoyé.",
            "No service configured: messages are written to the log, nothing is sent."
        ),
        "settings_state_ok": ("fonctionne", "working"),
        "settings_state_failing": ("en échec", "failing"),
        "settings_state_idle": ("pas encore utilisé", "not used yet"),
        "settings_state_unusable": ("mal configuré", "misconfigured"),
        "settings_rules": ("Règles d'envoi", "Sending rules"),
        "settings_rules_help": (
            "Fixées dans la configuration du serveur (voir docs/smart-sending.md), dans le fuseau",
            "Set in the server's configuration (see docs/smart-sending.md), in the time zone"
        ),
        "settings_cap": ("au plus {0} message(s) par {1} h", "at most {0} message(s) per {1} h"),
        "settings_no_cap": ("pas de limite", "no limit"),
        "settings_any_time": ("à toute heure", "at any time"),
        "settings_window": ("de {0} à {1}, {2}", "from {0} to {1}, {2}"),
        "settings_not_holidays": (", sauf jours fériés", ", except public holidays"),
        "weekday_mon": ("lun.", "Mon"), "weekday_tue": ("mar.", "Tue"), "weekday_wed": ("mer.", "Wed"), "weekday_thu": ("jeu.", "Thu"),
        "weekday_fri": ("ven.", "Fri"), "weekday_sat": ("sam.", "Sat"), "weekday_sun": ("dim.", "Sun"),
        "settings_llm": ("Modèles de langage", "Language models"),
        "settings_llm_order": ("Essayés dans cet ordre :", "Tried in this order:"),
        "settings_llm_spent": ("Dépensé ce mois-ci :", "Spent this month:"),
        "settings_llm_calls": ("appels", "calls"),
        "settings_llm_offline": (
            "aucun (rédaction hors ligne, à partir de modèles et de règles)", "none (written offline, from templates and rules)"
        ),
        "settings_llm_no_limit": ("pas de plafond", "no cap"),
        "settings_llm_help": (
            "Les clés et le plafond mensuel se règlent dans la configuration du serveur (docs/llm.md).",
            "Keys and the monthly cap are set in the server's configuration (docs/llm.md)."
        ),
        "settings_keys": ("Clés d'API", "API keys"),
        "settings_key": ("Clé", "Key"),
        "settings_created": ("Créée le", "Created"),
        "settings_key_live": ("active", "live"),
        "settings_key_revoked_on": ("révoquée le", "revoked on"),
        "settings_revoke": ("Révoquer", "Revoke"),
        "settings_create_key": ("Créer une clé", "Create a key"),
        "settings_key_created": ("Votre nouvelle clé d'API", "Your new API key"),
        "notice_settings_key_revoked": ("Clé révoquée : elle ne donne plus accès.", "Key revoked: it no longer gives access."),
        "settings_webhooks": ("Webhooks entrants", "Incoming webhooks"),
        "settings_webhooks_help": (
            "L'adresse à coller dans votre boutique ou votre service, avec le secret qu'il vous donne.",
            "The address to paste into your shop or service, with the secret it gives you."
        ),
        "settings_provider": ("Service", "Service"),
        "settings_secret": ("Secret de signature", "Signing secret"),
        "settings_add_webhook": ("Ajouter", "Add"),
        "settings_webhook_created": ("L'adresse à coller chez votre fournisseur", "The address to paste at your provider"),
        "settings_users": ("Utilisateurs", "Users"),
        "settings_role": ("Rôle", "Role"),
        "settings_add_user": ("Inviter", "Invite"),
        "settings_remove_user": ("Retirer", "Remove"),
        "settings_user_created": ("Mot de passe à usage unique de {0}", "One-time password for {0}"),
        "notice_settings_user_removed": ("Utilisateur retiré.", "User removed."),
        "settings_bad_role": ("Rôle inconnu : propriétaire, éditeur ou lecture seule.", "Unknown role: owner, editor or viewer."),
        "settings_not_yourself": (
            "Vous ne pouvez pas changer votre propre rôle ni vous retirer.", "You cannot change your own role or remove yourself."
        ),
    ]
}
