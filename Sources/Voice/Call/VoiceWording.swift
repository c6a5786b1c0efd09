/// The words of the voice agent, in French and English: its instructions to the model, the apology a caller hears when
/// no model can be reached, and the SMS sent after it.
public struct VoiceWording: Sendable {
    public let language: VoiceLanguage

    public init(_ language: VoiceLanguage) {
        self.language = language
    }

    /// The apology `<Say>` speaks.
    public var apology: String {
        switch language {
        case .french:
            "Nous sommes désolés, notre assistant vocal n'est pas disponible pour le moment. Nous vous rappelons très vite, et vous "
                + "recevez un SMS de confirmation. Au revoir."
        case .english:
            "We are sorry, our voice assistant is not available right now. We will call you back very soon, and you will get a text "
                + "message to confirm. Goodbye."
        }
    }

    /// The SMS after the apology.
    public func callbackText(shop: String) -> String {
        switch language {
        case .french: "\(shop) : désolés de n'avoir pas pu vous répondre. Nous vous rappelons au plus vite."
        case .english: "\(shop): sorry we could not take your call. We will call you back as soon as we can."
        }
    }

    /// The model's instructions: who it is, in which language it speaks, what it may do, and how briefly.
    public func instructions(shop: String, direction: CallDirection, purpose: String?) -> String {
        var text: String
        switch language {
        case .french:
            text =
                "Tu es l'assistant vocal de \(shop). Tu parles français, avec des phrases courtes et naturelles, au téléphone. "
                + "Tu peux vérifier une commande, chercher un produit, répondre avec la base de connaissances, proposer un rappel, "
                + "envoyer un lien de paiement ou passer la main à une personne, avec les outils fournis. Ne promets rien que les "
                + "outils ne confirment pas. Demande poliment le besoin, le budget, le délai et qui décide quand l'appelant parle d'un projet."
            if direction == .outbound { text += " C'est toi qui appelles : présente-toi et dis pourquoi tu appelles." }
        case .english:
            text =
                "You are the voice assistant of \(shop). You speak English, in short natural sentences, on the phone. "
                + "You can check an order, look up a product, answer from the knowledge base, offer a callback, send a payment "
                + "link or hand over to a person, with the tools given. Promise nothing the tools do not confirm. Politely ask for "
                + "the need, budget, timeline and who decides when the caller talks about a project."
            if direction == .outbound { text += " You are the one calling: introduce yourself and say why you call." }
        }
        if let purpose, !purpose.isEmpty { text += (language == .french ? " Motif de l'appel : " : " Reason for the call: ") + purpose }
        return text
    }

    /// Added to the instructions of a provider taking over a call whose model dropped: what was said so far, and to go on
    /// without starting again.
    public func resumption(transcript: [TranscriptLine]) -> String {
        let lines = transcript.map { line -> String in
            switch (line.speaker, language) {
            case (.caller, .french): "Appelant : " + line.text
            case (.agent, .french): "Assistant : " + line.text
            case (.caller, .english): "Caller: " + line.text
            case (.agent, .english): "Assistant: " + line.text
            }
        }
        switch language {
        case .french:
            return "L'appel est déjà en cours : la ligne de l'assistant a été coupée un instant. Ne te présente pas de nouveau ; "
                + "excuse-toi brièvement et reprends là où la conversation s'est arrêtée."
                + (lines.isEmpty ? "" : " Ce qui a été dit jusqu'ici :\n" + lines.joined(separator: "\n"))
        case .english:
            return "The call is already under way: the assistant's line was cut for a moment. Do not introduce yourself again; "
                + "apologise briefly and go on where the conversation stopped."
                + (lines.isEmpty ? "" : " What was said so far:\n" + lines.joined(separator: "\n"))
        }
    }

    /// The call's summary line for the timeline and the lead.
    public func summary(duration seconds: Int, callerLines: Int, agentLines: Int, tools: [String]) -> String {
        let minutes = "\(seconds / 60) min \(seconds % 60) s"
        let used = tools.isEmpty ? "" : (language == .french ? " Outils : " : " Tools: ") + tools.joined(separator: ", ") + "."
        switch language {
        case .french: return "Appel de \(minutes) : \(callerLines) phrases de l'appelant, \(agentLines) de l'assistant.\(used)"
        case .english: return "Call of \(minutes): \(callerLines) lines from the caller, \(agentLines) from the assistant.\(used)"
        }
    }
}

/// Inbound (the customer called) or outbound (`place_call`). Raw values are persisted.
public enum CallDirection: String, Sendable, Hashable, Codable {
    case inbound, outbound
}
