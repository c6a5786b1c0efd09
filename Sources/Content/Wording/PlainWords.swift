/// Plain-word explanations of the codes Autopilot records (why a message was held, why a follow-up ended, churn bands,
/// RFM segments, recommendation rules, lifetime-model terms), in French and English, for the people who read the demo
/// letter and the dashboard. Each function returns a clause that starts in lower case and has no final period, so it
/// reads inside a sentence; ``sentence(_:)`` makes one of it. An unknown code reads as its words (`price_drop` →
/// "price drop"), never as an empty string.
public enum PlainWords {
    /// Why a message was held back or stopped: a smart-sending reason (`no_consent`, `missing_address`, `quiet_hours`,
    /// `frequency_cap`, …) or `run_exited:REASON` (the follow-up ended before the message went).
    public static func reason(_ code: String, language: ContentLanguage) -> String {
        if code.hasPrefix(exitedPrefix) {
            let exit = String(code.dropFirst(exitedPrefix.count))
            let why = exitReason(exit, language: language)
            return language == .french ? "la relance s'est arrêtée avant l'envoi : \(why)" : "the follow-up stopped before it went out: \(why)"
        }
        return (language == .french ? sendingFrench[code] : sendingEnglish[code]) ?? words(code)
    }

    /// Whether a held message only waits (quiet hours, frequency cap, Sunday, public holiday) and may still go later.
    public static func isDeferral(_ code: String) -> Bool {
        deferrals.contains(code)
    }

    /// Why a follow-up (a flow run) ended early: `order_placed`, `replied`, `unsubscribed`, `hot_routed`, ….
    public static func exitReason(_ code: String, language: ContentLanguage) -> String {
        (language == .french ? exitFrench[code] : exitEnglish[code]) ?? words(code)
    }

    /// A recommendation rule in plain words: what the customer or lead did, and what is proposed.
    public static func rule(_ code: String, language: ContentLanguage) -> String {
        (language == .french ? ruleFrench[code] : ruleEnglish[code]) ?? words(code)
    }

    /// A flow's name for people: the built-in flows by id (`abandoned-cart` → "abandoned cart reminders").
    public static func flow(_ id: String, language: ContentLanguage) -> String {
        (language == .french ? flowFrench[id] : flowEnglish[id]) ?? words(id)
    }

    /// The first letter in upper case and a final period: a clause made a sentence.
    public static func sentence(_ clause: String) -> String {
        guard let first = clause.first else { return clause }
        let body = first.uppercased() + clause.dropFirst()
        return body.hasSuffix(".") || body.hasSuffix("!") || body.hasSuffix("?") ? body : body + "."
    }

    /// A code's words: underscores, dashes and colons become spaces.
    public static func words(_ code: String) -> String {
        let spaced = code.map { "_-:".contains($0) ? " " : String($0) }.joined()
        return spaced.split(separator: " ").joined(separator: " ")
    }

    static let exitedPrefix = "run_exited:"
    static let deferrals: Set<String> = ["quiet_hours", "frequency_cap", "sunday", "public_holiday"]
}
