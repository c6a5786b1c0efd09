import Foundation

extension Strings {
    static let conversations: Catalog = [
        "nav_conversations": ("Conversations", "Conversations"),
        "conversations_count": ("{0} conversations", "{0} conversations"),
        "conversations_count_one": ("1 conversation", "1 conversation"),
        "conversations_sorted": ("Les plus récentes d'abord.", "Most recent first."),
        "conversations_none": (
            "Aucune conversation pour l'instant. Elles arrivent par le widget de chat de votre site.",
            "No conversation yet. They come in through the chat widget on your site."
        ),
        "conversations_none_filtered": ("Aucune conversation dans cet état.", "No conversation in this state."),
        "conversations_filter_label": ("Filtrer les conversations", "Filter conversations"),
        "conversations_filter_open": ("L'assistant répond", "Assistant answering"),
        "conversations_filter_handed_off": ("À reprendre par l'équipe", "Waiting for the team"),
        "conversations_filter_closed": ("Terminées", "Closed"),
        "conversations_who": ("Visiteur", "Visitor"),
        "conversations_status": ("État", "Status"),
        "conversations_last": ("Dernier message", "Last message"),
        "conversations_mood": ("Humeur", "Mood"),
        "conversations_when": ("Dernière activité", "Last activity"),
        "conversation_status_open": ("l'assistant répond", "assistant answering"),
        "conversation_status_handed_off": ("à reprendre par l'équipe", "waiting for the team"),
        "conversation_status_closed": ("terminée", "closed"),
        "conversation_visitor": ("Visiteur …{0}", "Visitor …{0}"),
        "conversation_role_visitor": ("Visiteur", "Visitor"),
        "conversation_role_agent": ("Assistant", "Assistant"),
        "conversation_role_team": ("Équipe", "Team"),
        "conversation_role_team_named": ("Équipe ({0})", "Team ({0})"),
        "conversation_mood_none": ("pas encore de message", "no message yet"),
        "conversation_mood_negative": ("mécontent", "unhappy"),
        "conversation_mood_neutral": ("neutre", "neutral"),
        "conversation_mood_positive": ("content", "happy"),
        "conversation_language_fr": ("en français", "in French"),
        "conversation_language_en": ("en anglais", "in English"),
        "conversation_title": ("Conversation avec {0}", "Conversation with {0}"),
        "conversation_facts": ("Où en est la conversation", "Where the conversation stands"),
        "conversation_started": ("commencée le", "started"),
        "conversation_contact_link": ("Voir la fiche du client", "See the customer's page"),
        "conversation_close": ("Terminer la conversation", "Close the conversation"),
        "conversation_reopen": ("Rouvrir pour l'équipe", "Reopen for the team"),
        "conversation_transcript": ("Échanges", "Transcript"),
        "conversation_reply_title": ("Répondre", "Answer"),
        "conversation_reply_label": ("Votre réponse (le visiteur la voit dans le chat)", "Your answer (the visitor sees it in the chat)"),
        "conversation_reply_send": ("Envoyer la réponse", "Send the answer"),
        "conversation_reply_hint_team": (
            "L'équipe a repris la conversation : l'assistant ne répond plus.",
            "The team has taken the conversation over: the assistant no longer answers."
        ),
        "conversation_reply_hint_take_over": (
            "Répondre reprend la conversation : l'assistant ne répondra plus jusqu'à ce que vous la terminiez.",
            "Answering takes the conversation over: the assistant stops answering until you close it."
        ),
        "conversation_reply_empty": ("La réponse est vide.", "The answer is empty."),
        "conversation_reply_too_long": ("Une réponse fait au plus 2 000 caractères.", "An answer is at most 2,000 characters."),
        "notice_conversation_replied": ("Réponse envoyée.", "Answer sent."),
        "notice_conversation_closed": (
            "Conversation terminée. Si le visiteur écrit à nouveau, l'assistant lui répond.",
            "Conversation closed. If the visitor writes again, the assistant answers."
        ),
        "notice_conversation_reopened": ("Conversation rouverte pour l'équipe.", "Conversation reopened for the team."),
    ]
}
