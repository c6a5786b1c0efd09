import Foundation

extension Strings {
    static let login: Catalog = [
        "login_title": ("Connexion", "Sign in"),
        "login_intro": ("Connectez-vous pour voir et piloter vos relances.", "Sign in to see and steer your follow-ups."),
        "login_email": ("Adresse e-mail", "Email address"),
        "login_password": ("Mot de passe", "Password"),
        "login_submit": ("Se connecter", "Sign in"),
        "login_forgot": (
            "Mot de passe oublié ? Un propriétaire du compte peut le réinitialiser avec « autopilot users reset-password ».",
            "Forgot your password? An owner of the account can reset it with “autopilot users reset-password”."
        ),
        "login_refused": ("Adresse e-mail ou mot de passe incorrect.", "Wrong email address or password."),
        "login_expired": ("Le formulaire a expiré : réessayez.", "The form expired: please try again."),
        "login_throttled": (
            "Trop de tentatives. Réessayez dans {0} min.", "Too many attempts. Try again in {0} min."
        ),
        "login_link_used": (
            "Ce lien de connexion a déjà servi ou a expiré. Connectez-vous avec votre mot de passe.",
            "This sign-in link was already used or has expired. Sign in with your password."
        ),
    ]

    static let today: Catalog = [
        "today_heading": ("Aujourd'hui, {0}", "Today, {0}"),
        "today_figures": ("Cette semaine", "This week"),
        "today_revenue": ("Chiffre d'affaires des relances", "Revenue from follow-ups"),
        "today_orders": ("Commandes récupérées", "Orders recovered"),
        "today_sent": ("Messages envoyés", "Messages sent"),
        "today_replies": ("Réponses", "Replies"),
        "today_unsubscribes": ("Désinscriptions", "Unsubscribes"),
        "today_last_week": ("(semaine dernière : {0})", "(last week: {0})"),
        "today_no_change": ("stable", "no change"),
        "today_new": ("nouveau", "new"),
        "today_this_week": ("Cette semaine", "This week"),
        "today_previous_week": ("Semaine dernière", "Last week"),
        "today_chart_title": ("Chiffre d'affaires par automatisation", "Revenue by automation"),
        "today_chart_summary": (
            "Chiffre d'affaires attribué à chaque automatisation, cette semaine et la semaine dernière.",
            "Revenue attributed to each automation, this week and last week."
        ),
        "today_followups": ("À relancer aujourd'hui", "To follow up today"),
        "today_followups_count": ("{0} affichées sur {1} en attente, les plus utiles d'abord.", "{0} shown of {1} waiting, most valuable first."),
        "today_no_followups": ("Rien à relancer aujourd'hui.", "Nothing to follow up today."),
        "today_select_all": ("Tout sélectionner", "Select all"),
        "today_select": ("Sélectionner", "Select"),
        "today_accept": ("Envoyer", "Send"),
        "today_dismiss": ("Ignorer", "Dismiss"),
        "today_snooze": ("Demain", "Tomorrow"),
        "today_accept_selected": ("Envoyer la sélection", "Send selected"),
        "today_dismiss_selected": ("Ignorer la sélection", "Dismiss selected"),
        "today_snooze_selected": ("Reporter la sélection à demain", "Snooze selected until tomorrow"),
        "today_hot_leads": ("Leads chauds en attente", "Hot leads waiting"),
        "today_no_hot_leads": ("Aucun lead chaud n'attend de réponse.", "No hot lead is waiting for an answer."),
        "today_unnamed": ("(sans nom)", "(no name)"),
        "today_score": ("score", "score"),
        "today_alerts": ("Alertes", "Alerts"),
        "today_no_alerts": ("Tout fonctionne.", "Everything is working."),
        "followup_hours_since": ("il y a {0} j", "{0} days ago"),
        "followup_lead_tier": ("lead {0}", "{0} lead"),
        "followup_churn": ("risque de départ {0}", "churn risk {0}"),
        "followup_none_selected": ("Choisissez au moins une relance.", "Choose at least one follow-up."),
        "followup_bad_action": ("Action inconnue : envoyer, ignorer ou reporter.", "Unknown action: send, dismiss or snooze."),
        "notice_followup_accept": ("C'est parti : le message est en file d'envoi.", "Done: the message is queued to send."),
        "notice_followup_dismiss": ("Relance ignorée.", "Follow-up dismissed."),
        "notice_followup_snooze": ("Relance reportée à demain 9 h.", "Follow-up snoozed until tomorrow 9:00."),
        "priority_high": ("urgent", "urgent"),
        "priority_medium": ("important", "important"),
        "priority_low": ("quand possible", "when possible"),
        "channel_email": ("e-mail", "email"),
        "channel_sms": ("SMS", "SMS"),
        "channel_whatsapp": ("WhatsApp", "WhatsApp"),
        "alert_flow_paused": ("« {0} » est en pause : {1}", "“{0}” is paused: {1}"),
        "alert_integration_failing": ("{0} échoue depuis le {1}", "{0} has been failing since {1}"),
        "alert_held": ("{0} messages attendent une approbation", "{0} messages are waiting for approval"),
    ]
}
