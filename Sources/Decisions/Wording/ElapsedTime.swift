import Scoring

/// A duration as people say it: minutes under 2 hours, hours under 2 days, else whole days (always rounded down).
enum ElapsedTime {
    static func text(seconds: Double, locale: ScoringLocale) -> String {
        let clamped = seconds.isFinite ? min(max(seconds, 0), 1e12) : 0
        if clamped < 2 * 3600 {
            return count(Int(clamped / 60), "minute", "minutes", "minute", "minutes", locale)
        }
        if clamped < 48 * 3600 {
            return count(Int(clamped / 3600), "hour", "hours", "heure", "heures", locale)
        }
        return count(Int(clamped / 86_400), "day", "days", "jour", "jours", locale)
    }

    private static func count(_ value: Int, _ one: String, _ many: String, _ un: String, _ plusieurs: String, _ locale: ScoringLocale) -> String {
        switch locale {
        case .english: String(value) + " " + (value == 1 ? one : many)
        case .french: String(value) + " " + (value <= 1 ? un : plusieurs)
        }
    }

    /// A score in [0, 1] with two decimals: "0.91" in English, "0,91" in French.
    static func score(_ value: Double, locale: ScoringLocale) -> String {
        let hundredths = value.isFinite ? Int((min(max(value, 0), 1) * 100).rounded()) : 0
        let fraction = hundredths % 100
        let text = String(hundredths / 100) + (locale == .french ? "," : ".") + (fraction < 10 ? "0" : "") + String(fraction)
        return text
    }
}
