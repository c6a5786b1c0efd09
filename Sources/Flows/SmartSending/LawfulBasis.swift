/// What allows a message to go to a person (GDPR art. 6), recorded with each message sent (`outbox.options.lawful_basis`).
/// Raw values are persisted.
public enum LawfulBasis: String, Sendable, Hashable, CaseIterable {
    /// The person agreed to hear from the shop on this channel (a ticked box, a double opt-in).
    case consent
    /// B2B prospecting by email to a lead's professional address, where the law allows it without prior consent (in France,
    /// the CNIL's reading of CPCE art. L34-5): the message concerns the person's work and carries an opt-out.
    case legitimateInterest = "legitimate_interest"
    /// A transactional message carrying out what the customer asked for (an order confirmation): GDPR art. 6(1)(b).
    case contract

    /// In plain words, for the message log.
    public func text(in language: SendingLanguage) -> String {
        switch (self, language) {
        case (.consent, .french): "consentement du contact pour ce canal"
        case (.consent, .english): "the contact's consent for this channel"
        case (.legitimateInterest, .french): "intérêt légitime : prospection B2B vers une adresse professionnelle, avec lien de désinscription"
        case (.legitimateInterest, .english): "legitimate interest: B2B prospecting to a professional address, with an unsubscribe link"
        case (.contract, .french): "exécution d'une commande (message transactionnel)"
        case (.contract, .english): "carrying out an order (transactional message)"
        }
    }
}
