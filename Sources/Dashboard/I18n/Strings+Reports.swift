import Foundation

extension Strings {
    static let reports: Catalog = [
        "reports_heading": ("Rapport de la semaine du {0} au {1}", "Report for the week of {0} to {1}"),
        "reports_bad_week": (
            "« {0} » n'est pas une date de fin de semaine (AAAA-MM-JJ).", "“{0}” is not a week-ending date (YYYY-MM-DD)."
        ),
        "reports_previous": ("Semaine précédente", "Previous week"),
        "reports_next": ("Semaine suivante", "Next week"),
        "reports_summary": ("En bref", "In short"),
        "reports_recommendations": ("Nos conseils", "Our advice"),
        "reports_written_by": ("Texte rédigé par le modèle de langage ({0}) à partir des chiffres ci-dessous.",
            "Written by the language model ({0}) from the figures below."),
        "reports_written_offline": (
            "Texte rédigé hors ligne à partir des chiffres ci-dessous (aucun modèle de langage configuré).",
            "Written offline from the figures below (no language model configured)."
        ),
        "reports_at_risk": ("{0} clients risquent de partir (la semaine d'avant : {1}).", "{0} customers may leave (the week before: {1})."),
        "reports_roi": ("Ce que chaque automatisation a rapporté et coûté", "What each automation earned and cost"),
        "reports_flow": ("Automatisation", "Automation"),
        "reports_sent": ("Envoyés", "Sent"),
        "reports_opened": ("Ouverts", "Opened"),
        "reports_clicked": ("Cliqués", "Clicked"),
        "reports_orders": ("Commandes", "Orders"),
        "reports_revenue": ("Chiffre d'affaires", "Revenue"),
        "reports_cost": ("Coût", "Cost"),
        "reports_roi_column": ("Retour", "Return"),
        "reports_roi_ratio": ("{0} × le coût", "{0} × the cost"),
        "reports_total": ("Total", "Total"),
        "reports_previous_in_brackets": ("Entre parenthèses : la semaine d'avant.", "In brackets: the week before."),
        "reports_chart_title": ("Chiffre d'affaires par automatisation", "Revenue by automation"),
        "reports_chart_summary": (
            "Chiffre d'affaires attribué à chaque automatisation, cette semaine et la précédente.",
            "Revenue attributed to each automation, this week and the week before."
        ),
        "reports_sent_title": ("Messages envoyés par automatisation", "Messages sent by automation"),
        "reports_sent_summary": (
            "Messages envoyés par chaque automatisation, cette semaine et la précédente.",
            "Messages sent by each automation, this week and the week before."
        ),
        "reports_this_week": ("Cette semaine", "This week"),
        "reports_previous_week": ("Semaine d'avant", "Week before"),
        "flow_state_live": ("active", "live"),
        "flow_state_off": ("arrêtée", "off"),
        "flow_state_paused": ("en pause (coupe-circuit)", "paused (circuit breaker)"),
        "flow_state_removed": ("supprimée", "removed"),
    ]
}
