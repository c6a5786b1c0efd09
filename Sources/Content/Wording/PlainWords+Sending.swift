extension PlainWords {
    static let sendingEnglish: [String: String] = [
        "no_consent": "the customer has not agreed to receive marketing on this channel",
        "unsubscribed": "the customer unsubscribed from this channel",
        "hard_bounced": "the email address does not work (it bounced)",
        "frequency_cap": "the customer had already received a marketing message recently (at most one every few days)",
        "quiet_hours": "it was night or outside sending hours where the customer lives",
        "sunday": "no text messages on Sundays",
        "public_holiday": "no text messages on public holidays",
        "missing_address": "the customer has no address for this channel (no email address or no phone number)",
        "expired": "it waited too long and was no longer relevant",
        "flow_paused": "the flow was paused",
        "contact_missing": "the customer no longer exists",
        "template_not_active": "its message template is not switched on",
        "circuit_open": "the flow was paused automatically after too many complaints or failures",
        "whatsapp_window_closed":
            "the customer has not written on WhatsApp in the last 24 hours, and the step names no approved WhatsApp template",
    ]

    static let sendingFrench: [String: String] = [
        "no_consent": "le client n'a pas accepté de recevoir du marketing sur ce canal",
        "unsubscribed": "le client s'est désinscrit de ce canal",
        "hard_bounced": "l'adresse email ne fonctionne pas (message rejeté)",
        "frequency_cap": "le client avait déjà reçu un message marketing récemment (au plus un tous les quelques jours)",
        "quiet_hours": "c'était la nuit ou en dehors des heures d'envoi là où vit le client",
        "sunday": "pas de SMS le dimanche",
        "public_holiday": "pas de SMS les jours fériés",
        "missing_address": "le client n'a pas d'adresse pour ce canal (pas d'email ou pas de numéro de téléphone)",
        "expired": "il a attendu trop longtemps et n'était plus d'actualité",
        "flow_paused": "le flow était en pause",
        "contact_missing": "le client n'existe plus",
        "template_not_active": "son modèle de message n'est pas activé",
        "circuit_open": "le flow a été mis en pause automatiquement après trop de plaintes ou d'échecs",
        "whatsapp_window_closed":
            "le client n'a pas écrit sur WhatsApp depuis 24 heures, et l'étape ne donne aucun modèle WhatsApp approuvé",
    ]

    static let exitEnglish: [String: String] = [
        "order_placed": "the customer ordered",
        "replied": "the customer replied",
        "unsubscribed": "the customer unsubscribed",
        "cart_recovered": "the cart was bought",
        "refunded": "the order was refunded",
        "reordered": "the customer ordered again",
        "hot_routed": "hot lead: the team was alerted and a booking link sent",
        "warm_routed": "warm lead: a call was added to the team's tasks",
        "nurtured": "the lead received the whole series of emails",
        "no_review": "no review came after the reminder",
        "low_rating": "a low rating was passed on to the team",
        "no_birthdate": "the customer's birth date is unknown",
        "followed_up": "the follow-up was sent",
        "step_limit": "the flow reached its safety limit of steps",
        "missing_value": "a value the flow needed was missing",
        "rejected": "a person declined it",
        "stale": "it came from old history, too late to act on",
        "exited": "the follow-up ended",
    ]

    static let exitFrench: [String: String] = [
        "order_placed": "le client a commandé",
        "replied": "le client a répondu",
        "unsubscribed": "le client s'est désinscrit",
        "cart_recovered": "le panier a été acheté",
        "refunded": "la commande a été remboursée",
        "reordered": "le client a recommandé",
        "hot_routed": "prospect chaud : l'équipe a été alertée et un lien de rendez-vous envoyé",
        "warm_routed": "prospect tiède : un appel a été ajouté aux tâches de l'équipe",
        "nurtured": "le prospect a reçu toute la série d'emails",
        "no_review": "aucun avis après le rappel",
        "low_rating": "une note basse a été transmise à l'équipe",
        "no_birthdate": "la date de naissance du client est inconnue",
        "followed_up": "la relance a été envoyée",
        "step_limit": "le flow a atteint sa limite de sécurité en nombre d'étapes",
        "missing_value": "une valeur nécessaire au flow manquait",
        "rejected": "une personne l'a refusée",
        "stale": "elle venait d'un historique ancien, trop tard pour agir",
        "exited": "la relance s'est arrêtée",
    ]
}
