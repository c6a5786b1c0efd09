import Content
import Flows
import Foundation

extension Strings {
    static let messages: Catalog = [
        "messages_title": ("Messages", "Messages"),
        "messages_intro": (
            "Tout ce que vos automatisations ont envoyé, vont envoyer ou ont retenu, du plus récent au plus ancien.",
            "Everything your automations sent, will send or held back, newest first."
        ),
        "messages_flow": ("Automatisation", "Automation"),
        "messages_channel": ("Canal", "Channel"),
        "messages_status": ("État", "Status"),
        "messages_contact": ("Contact (e-mail)", "Contact (email)"),
        "messages_when": ("Quand", "When"),
        "messages_what": ("Message", "Message"),
        "messages_why": ("Pourquoi", "Why"),
        "messages_none": ("Aucun message ne correspond.", "No message matches."),
        "messages_page": ("Page {0}", "Page {0}"),
        "messages_status_queued": ("En file d'attente", "Queued"),
        "messages_status_held": ("Retenu ou reporté", "Held or put off"),
        "messages_status_sent": ("Envoyé", "Sent"),
        "messages_status_skipped": ("Non envoyé", "Not sent"),
        "messages_status_failed": ("Échec", "Failed"),
        "messages_next_try": ("Nouvel essai le {0}", "Next try on {0}"),
        "messages_sent_at": ("Envoyé le {0}", "Sent on {0}"),
        "messages_planned": ("Prévu le {0}", "Planned for {0}"),
        "messages_no_contact": ("contact inconnu", "unknown contact"),
        "messages_manual": ("envoi manuel", "sent by hand"),
        "reason_flow_paused": (
            "Retenu : l'automatisation est en pause. Il repartira quand vous la reprendrez.",
            "Held: the automation is paused. It will go when you resume it."
        ),
        "reason_whatsapp_window_closed": (
            "Retenu : le client n'a pas écrit sur WhatsApp depuis 24 heures ; WhatsApp n'accepte alors qu'un modèle approuvé, et l'étape n'en donne pas.",
            "Held: the customer has not written on WhatsApp in the last 24 hours; WhatsApp then takes only an approved template, and the step gives none."
        ),
        "reason_coupon_refused": (
            "Retenu : la boutique a refusé de créer le code promo (détail ci-dessous). Rien n'est envoyé avec un code mort.",
            "Held: the shop refused to create the discount code (details below). Nothing goes out with a dead code."
        ),
        "reason_coupon_unavailable": (
            "Retenu : la boutique était injoignable pour créer le code promo, à chaque essai.",
            "Held: the shop could not be reached to create the discount code, at every attempt."
        ),
        "reason_contact_missing": ("Le contact n'existe plus.", "The contact no longer exists."),
        "reason_template_not_active": ("Le modèle du message n'est pas actif.", "The message's template is not active."),
        "reason_run_exited": (
            "L'automatisation s'est arrêtée pour ce contact avant l'envoi.", "The automation stopped for this contact before sending."
        ),
        "reason_run_exited_order_placed": (
            "Pas besoin : le contact a passé commande entre-temps.", "Not needed: the contact placed an order meanwhile."
        ),
        "reason_run_exited_cart_recovered": ("Pas besoin : le panier a été récupéré.", "Not needed: the cart was recovered."),
        "reason_run_exited_unsubscribed": ("Le contact s'est désinscrit.", "The contact unsubscribed."),
        "reason_run_exited_message_replied": ("Pas besoin : le contact a répondu.", "Not needed: the contact replied."),
        "reason_unknown": ("Raison non précisée.", "No reason given."),
        "reason_failed": ("L'envoi a échoué.", "Sending failed."),
        "basis_consent": ("Envoyé avec le consentement du contact.", "Sent with the contact's consent."),
        "basis_legitimate_interest": (
            "Envoyé sur intérêt légitime : prospection B2B vers une adresse professionnelle, avec lien de désinscription.",
            "Sent on legitimate interest: B2B prospecting to a professional address, with an unsubscribe link."
        ),
        "basis_contract": ("Message transactionnel (exécution d'une commande).", "Transactional message (carrying out an order)."),
    ]

    /// A message's blocked or skipped reason (`quiet_hours`, `run_exited:order_placed`…) as a sentence.
    func messageReason(_ code: String?) -> String {
        guard let code, !code.isEmpty else { return self["reason_unknown"] }
        if let reason = SendBlockReason(rawValue: code) { return reason.text(in: language == .french ? .french : .english) }
        if code.hasPrefix("run_exited") {
            let exit = code.dropFirst("run_exited:".count)
            return table["reason_run_exited_\(exit)"] ?? self["reason_run_exited"]
        }
        return table["reason_\(code)"] ?? self["reason_unknown"]
    }
}
