/// Why the smart-sending policy held a message back. Raw values are stable codes: they are persisted and shown.
public enum SendBlockReason: String, Sendable, Hashable, Codable, CaseIterable {
    /// Marketing message on a channel where the contact has not granted consent.
    case noConsent = "no_consent"
    /// The contact unsubscribed from this channel (or from all channels); for SMS and WhatsApp, a STOP.
    case unsubscribed
    /// The email address bounced permanently.
    case hardBounced = "hard_bounced"
    /// The contact already received the allowed number of marketing messages on this channel within the window.
    case frequencyCap = "frequency_cap"
    /// Outside the channel's allowed hours in the contact's local time.
    case quietHours = "quiet_hours"
    /// The channel does not send on this weekday (Sunday by default for SMS and WhatsApp).
    case sunday
    /// The channel does not send on public holidays in the contact's local calendar.
    case publicHoliday = "public_holiday"
    /// The contact has no address for this channel (no email, no phone number).
    case missingAddress = "missing_address"
    /// The message passed its expiry before it could be sent.
    case expired

    /// The stable code, e.g. `quiet_hours`.
    public var code: String { rawValue }

    /// Human text for a person reading the message log, in French or English.
    public func text(in language: SendingLanguage) -> String {
        switch language {
        case .french: frenchText
        case .english: englishText
        }
    }

    private var frenchText: String {
        switch self {
        case .noConsent: "Pas de consentement du contact pour ce canal."
        case .unsubscribed: "Le contact s'est désinscrit de ce canal."
        case .hardBounced: "L'adresse email est invalide (rejet définitif)."
        case .frequencyCap: "Le contact a déjà reçu un message marketing sur ce canal récemment."
        case .quietHours: "En dehors des heures d'envoi autorisées, dans le fuseau horaire du contact."
        case .sunday: "Pas d'envoi ce jour de la semaine (dimanche) sur ce canal."
        case .publicHoliday: "Pas d'envoi un jour férié sur ce canal."
        case .missingAddress: "Le contact n'a pas d'adresse pour ce canal."
        case .expired: "Le message n'est plus pertinent : sa date d'expiration est passée."
        }
    }

    private var englishText: String {
        switch self {
        case .noConsent: "The contact has not consented to this channel."
        case .unsubscribed: "The contact unsubscribed from this channel."
        case .hardBounced: "The email address bounced permanently."
        case .frequencyCap: "The contact already received a marketing message on this channel recently."
        case .quietHours: "Outside the allowed sending hours in the contact's time zone."
        case .sunday: "No sending on this weekday (Sunday) on this channel."
        case .publicHoliday: "No sending on a public holiday on this channel."
        case .missingAddress: "The contact has no address for this channel."
        case .expired: "The message is no longer relevant: its expiry has passed."
        }
    }
}

/// The languages reasons are explained in.
public enum SendingLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// The language for a locale such as `fr`, `fr-FR` or `en_GB`; English unless the locale is French.
    public init(locale: String?) {
        let prefix = locale?.lowercased().prefix(2)
        self = prefix == "fr" ? .french : .english
    }
}
