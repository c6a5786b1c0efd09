/// Stripe amounts are integers in the currency's minor unit: cents for EUR, yen for JPY, fils for KWD.
public enum StripeAmount {
    /// Stripe's zero-decimal currencies: the amount is already in major units.
    public static let zeroDecimalCurrencies: Set<String> = [
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    ]
    /// Stripe's three-decimal currencies: the amount is in thousandths.
    public static let threeDecimalCurrencies: Set<String> = ["BHD", "JOD", "KWD", "OMR", "TND"]

    /// How many minor units make one major unit. ISK, HUF and TWD stay two-decimal in Stripe's API.
    public static func minorUnitsPerMajor(_ currency: String) -> Int64 {
        let code = currency.uppercased()
        if zeroDecimalCurrencies.contains(code) { return 1 }
        if threeDecimalCurrencies.contains(code) { return 1_000 }
        return 100
    }

    /// The amount in major units, e.g. 2999 EUR → 29.99, 500 JPY → 500.
    public static func major(_ minor: Int64, currency: String) -> Double {
        Double(minor) / Double(minorUnitsPerMajor(currency))
    }
}

extension StripeAmount {
    /// The amount in minor units, e.g. 29.99 EUR → 2999, 500 JPY → 500; nil when it has more decimals than the currency.
    public static func minor(_ major: Double, currency: String) -> Int64? {
        let scaled = major * Double(minorUnitsPerMajor(currency))
        let rounded = scaled.rounded()
        guard scaled.isFinite, abs(scaled - rounded) < 1e-6, abs(rounded) < 1e15 else { return nil }
        return Int64(rounded)
    }
}
