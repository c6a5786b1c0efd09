/// The language a call is held in: the contact's own when known, else guessed from the caller's number (French-speaking
/// country codes), else English.
public enum VoiceLanguage: String, Sendable, Hashable, Codable, CaseIterable {
    case french = "fr"
    case english = "en"

    /// Country codes of places where a caller most likely speaks French: France and its overseas departments, Monaco,
    /// Belgium, Luxembourg, Switzerland.
    static let frenchPrefixes = ["+33", "+377", "+262", "+590", "+594", "+596", "+269", "+687", "+689", "+32", "+352", "+41"]

    /// `locale` (`fr`, `fr-BE`, `en_GB`) wins; else the number's country code.
    public static func of(phone: String?, locale: String?) -> VoiceLanguage {
        if let locale, let language = VoiceLanguage(rawValue: String(locale.lowercased().prefix(2))) { return language }
        guard let phone else { return .english }
        let compact = phone.filter { $0 == "+" || $0.isNumber }
        let international = compact.hasPrefix("00") ? "+" + String(compact.dropFirst(2)) : compact
        return frenchPrefixes.contains { international.hasPrefix($0) } ? .french : .english
    }

    /// Twilio `<Say language>`: `fr-FR`, `en-US`.
    public var twilioSayLanguage: String {
        switch self {
        case .french: "fr-FR"
        case .english: "en-US"
        }
    }
}
