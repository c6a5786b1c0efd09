import Foundation

extension Strings {
    static let assistant: Catalog = [
        "nav_assistant": ("MAX", "MAX"),
        "assistant_title": ("MAX, votre assistant", "MAX, your assistant"),
        "assistant_intro": (
            "Demandez à MAX qui relancer, le résumé d'un client, le statut d'une commande, les chiffres d'un flow, le rapport de la "
                + "semaine, ou un brouillon de message. Ce qui change quelque chose vous est montré d'abord : rien ne part sans votre accord.",
            "Ask MAX who to follow up, a customer's summary, an order's status, a flow's figures, the weekly report, or a message "
                + "draft. Anything that changes something is shown to you first: nothing happens without your go-ahead."
        ),
        "assistant_online": ("Un modèle de langue répond.", "A language model answers."),
        "assistant_offline": (
            "Hors ligne (aucun modèle de langue configuré) : MAX comprend les demandes courantes et dit clairement ce qu'il ne sait pas faire.",
            "Offline (no language model configured): MAX understands the usual requests and says plainly what it cannot do."
        ),
        "assistant_conversations": ("Vos conversations", "Your conversations"),
        "assistant_new": ("Nouvelle conversation", "New conversation"),
        "assistant_none": ("Aucune conversation pour l'instant.", "No conversation yet."),
        "assistant_label": ("Votre demande", "Your request"),
        "assistant_send": ("Envoyer", "Send"),
        "assistant_you": ("Vous", "You"),
        "assistant_meta": ("{0} · {1} $", "{0} · ${1}"),
        "assistant_examples": ("Par exemple :", "For example:"),
        "assistant_example_draft": ("MAX, crée-moi un email de relance pour les leads froids", "MAX, write a follow-up email for cold leads"),
        "assistant_example_followups": ("Qui dois-je relancer aujourd'hui ?", "Who should I follow up today?"),
        "assistant_example_report": ("Le rapport hebdo", "The weekly report"),
        "assistant_drafts": ("À confirmer", "Waiting for your decision"),
        "assistant_confirm": ("Confirmer", "Confirm"),
        "assistant_decline": ("Refuser", "Decline"),
        "assistant_viewer_drafts": (
            "Votre accès est en lecture seule : un éditeur ou le propriétaire peut confirmer.",
            "Your access is read-only: an editor or the owner can confirm."
        ),
        "assistant_history": ("Déjà décidé", "Already decided"),
        "assistant_draft_pending": ("en attente", "waiting"),
        "assistant_draft_running": ("en cours", "running"),
        "assistant_draft_confirmed": ("fait", "done"),
        "assistant_draft_declined": ("refusé", "declined"),
        "assistant_draft_failed": ("échoué", "failed"),
        "assistant_bad_text": (
            "Écrivez votre demande (4 000 caractères au plus).", "Write your request (4,000 characters at most)."
        ),
        "notice_assistant_confirmed": ("C'est confirmé.", "Confirmed."),
        "notice_assistant_declined": ("C'est refusé : rien n'a été fait.", "Declined: nothing was done."),
    ]
}
