import Foundation

extension Strings {
    static let automations: Catalog = [
        "automations_title": ("Automatisations", "Automations"),
        "automations_intro": (
            "Chaque automatisation suit vos clients toute seule. Allumez celles qui vous servent, éteignez les autres.",
            "Each automation follows up your customers by itself. Turn on the ones that help you, turn off the others."
        ),
        "automations_period": ("Période", "Period"),
        "automations_period_days": ("{0} derniers jours", "Last {0} days"),
        "automations_show": ("Afficher", "Show"),
        "automations_name": ("Automatisation", "Automation"),
        "automations_state": ("État", "State"),
        "automations_runs": ("Parcours", "Runs"),
        "automations_sent": ("Envoyés", "Sent"),
        "automations_conversions": ("Commandes", "Orders"),
        "automations_revenue": ("Chiffre d'affaires", "Revenue"),
        "automations_roi": ("Retour", "Return"),
        "automations_roi_ratio": ("{0} × le coût", "{0} × the cost"),
        "automations_cost": ("Coût estimé : {0}", "Estimated cost: {0}"),
        "automations_switch": ("Marche / arrêt", "On / off"),
        "automations_turn_on": ("Allumer", "Turn on"),
        "automations_turn_off": ("Éteindre", "Turn off"),
        "automations_resume": ("Reprendre", "Resume"),
        "automations_state_live": ("En marche", "On"),
        "automations_state_off": ("Arrêtée", "Off"),
        "automations_state_paused": ("En pause (coupe-circuit)", "Paused (circuit breaker)"),
        "automations_paused_breaker": (
            "Mise en pause toute seule : seulement {0} messages sur {1} sont partis ({2}), sous le seuil de {3}. "
                + "Ses messages en attente sont retenus jusqu'à ce que vous la repreniez.",
            "Paused itself: only {0} of {1} messages went out ({2}), below the {3} threshold. "
                + "Its waiting messages are held until you resume it."
        ),
        "automations_paused_other": (
            "En pause. Ses messages en attente sont retenus jusqu'à ce que vous la repreniez.",
            "Paused. Its waiting messages are held until you resume it."
        ),
        "automations_running": ("{0} parcours en cours", "{0} runs under way"),
        "automations_builtin": ("fournie", "built in"),
        "automations_own": ("la vôtre", "your own"),
        "automations_delegated_title": ("Automatisations qui agissent sans votre accord", "Automations that act without your approval"),
        "automations_delegated_intro": (
            "Allumées, elles envoient d'elles-mêmes les relances proposées, sans attendre que vous les approuviez. "
                + "Elles sont éteintes au départ.",
            "When on, they send the proposed follow-ups themselves, without waiting for your approval. They start off."
        ),
        "automations_delegated_badge": ("sans accord", "no approval"),
        "automations_none": ("Aucune automatisation.", "No automations."),
        "automations_costs_hint": (
            "Coût : prix moyen d'un message par canal (e-mail, SMS, WhatsApp). Retour : chiffre d'affaires attribué ÷ coût.",
            "Cost: an average price per message by channel (email, SMS, WhatsApp). Return: attributed revenue ÷ cost."
        ),
        "automation_steps": ("Les étapes, dans l'ordre", "The steps, in order"),
        "automation_trigger": ("Démarre : {0}", "Starts: {0}"),
        "automation_exits": ("S'arrête dès que : {0}", "Stops as soon as: {0}"),
        "automation_funnel_title": ("Ce que ce message a donné", "What this message achieved"),
        "automation_funnel_summary": (
            "Parcours arrivés à cette étape, puis messages envoyés, ouverts, cliqués et commandes attribuées.",
            "Runs that reached this step, then messages sent, opened, clicked and orders attributed."
        ),
        "automation_funnel_count": ("Nombre", "Count"),
        "automation_funnel_share": ("Part de l'étape d'avant", "Share of the stage before"),
        "automation_stage_entered": ("Arrivés", "Entered"),
        "automation_stage_sent": ("Envoyés", "Sent"),
        "automation_stage_opened": ("Ouverts", "Opened"),
        "automation_stage_clicked": ("Cliqués", "Clicked"),
        "automation_stage_ordered": ("Commandes", "Ordered"),
        "automation_no_messages": ("Aucun message sur la période.", "No messages in this period."),
        "automation_held": ("{0} messages retenus ou reportés à cette étape.", "{0} messages held or put off at this step."),
        "automation_technical": ("Détails techniques", "Technical details"),
        "automation_version": ("Version {0}", "Version {0}"),
        "notice_flow_enabled": ("L'automatisation est allumée.", "The automation is on."),
        "notice_flow_disabled": ("L'automatisation est éteinte.", "The automation is off."),
        "notice_flow_resumed": ("L'automatisation a repris.", "The automation has resumed."),
    ]
}
