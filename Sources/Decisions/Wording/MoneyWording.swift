import Scoring

/// Amounts as people read them, in whole units: "€1,250" / "1 250 €"; other currencies by code ("1,250 USD" / "1 250 USD").
public enum MoneyWording {
    public static func text(_ amount: Double, currency: String, locale: ScoringLocale) -> String {
        let whole = amount.isFinite ? Int(min(max(amount, 0), 1e15).rounded()) : 0
        let digits = Array(String(whole))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += locale == .french ? "\u{202F}" : "," }
            grouped.append(digit)
        }
        let code = currency.uppercased()
        switch (code, locale) {
        case ("EUR", .english): return "€" + grouped
        case ("EUR", .french): return grouped + "\u{A0}€"
        case ("USD", .english): return "$" + grouped
        case ("GBP", .english): return "£" + grouped
        default: return grouped + "\u{A0}" + code
        }
    }
}
