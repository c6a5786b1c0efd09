import Foundation

extension LeadPhrases {
    /// Requests for a call, meeting, demo or quote (engagement 10), and questions without "?" (engagement 5).
    static let engagement: [LeadPhrase] =
        entries(
            .contactRequest, "engagement.contact-request",
            [
                "call", "call me", "call us", "call back", "callback", "a call", "phone me", "ring me", "give me a ring",
                "appel", "appeler", "appelez", "appelle", "appelle moi", "m appeler", "rappeler", "rappelez", "rappelle moi",
                "me rappeler", "nous rappeler", "telephoner", "telephonez", "telephonez moi", "par telephone", "by phone",
                "over the phone", "coup de fil", "coup de telephone", "meeting", "meet", "a meeting", "reunion",
                "se rencontrer", "vous rencontrer", "nous rencontrer", "rencontrons nous", "rendez_vous", "rdv", "r.d.v",
                "demo", "demos", "demonstration", "quote", "quotes", "quotation", "devis", "proposal", "une proposition",
                "proposition commerciale", "offre commerciale", "visio", "visioconference", "video call", "zoom",
                "google meet", "appointment", "book a slot", "un creneau", "a slot", "contact me", "contactez moi",
                "contactez nous", "me contacter", "nous contacter", "recontacter", "recontactez", "get in touch",
                "reach me", "reach out to me", "me joindre", "joignable", "whatsapp", "echange telephonique",
                "un echange", "discuter de vive voix", "en parler de vive voix", "estimate", "une estimation", "chiffrage",
            ])
        + entries(
            .question, "engagement.question",
            [
                "pouvez vous", "pourriez vous", "pouvez_vous", "avez vous", "auriez vous", "est ce que", "est_ce que",
                "can you", "could you", "would you", "do you", "does it", "does your", "is it possible", "are you able",
                "how much", "combien", "how does", "how do", "comment ca marche", "comment fonctionne", "i wonder",
                "je me demande", "je voudrais savoir", "i d like to know", "j aimerais savoir", "dites moi", "tell me more",
                "dites m en plus", "what do you", "que faites vous", "qu est ce que",
            ])
        + entries(
            .mask(.engagement), "engagement.mask",
            [
                "call center", "call centre", "call centers", "a call center", "a call centre", "the call center", "calls", "appel d offres",
                "appels",
                "cold call*",
                "meet the", "meet our", "meet their", "meet your", "meet my", "meet a", "meet deadlines", "meet the deadline",
                "meet expectations", "meet demand", "proposition de valeur", "value proposition", "zoom sur",
                "je m appelle", "m appelle", "s appelle", "s appellent", "nous appelons", "on appelle", "we call it",
                "so called", "so_called", "we call", "they call", "i call", "you call", "call it", "call them", "on call", "what we call",
                "ce qu on appelle", "rappel de", "rappels", "nice to meet", "echange de", "un echange de", "we estimate", "i estimate", "demo day",
                "pas de demo",
                "no demo", "no call", "no calls", "pas d appel",
                "ne pas appeler", "don t call", "do not call", "please don t call", "sans appel",
            ])
}
