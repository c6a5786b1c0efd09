import Foundation

/// Letters glued to a number: "1k", "2keur", "500e", "5000dh", "3m€".
struct LeadAmountSuffix: Sendable {
    let multiplier: Double
    let currency: LeadCurrency?
    /// "m" means millions only when a currency follows.
    let needsCurrency: Bool
    /// "e" means euros only after an amount of at least 10 ("2e trimestre" is an ordinal).
    let isBareE: Bool

    static func of(_ letters: ArraySlice<UInt8>) -> LeadAmountSuffix? {
        table[String(decoding: letters, as: UTF8.self)]
    }

    private static let table: [String: LeadAmountSuffix] = {
        var table: [String: LeadAmountSuffix] = [:]
        func add(_ words: [String], _ multiplier: Double, _ currency: LeadCurrency?) {
            for word in words {
                table[word] = LeadAmountSuffix(multiplier: multiplier, currency: currency, needsCurrency: false, isBareE: false)
            }
        }
        add(["k", "kilo"], 1000, nil)
        add(["ke", "keur", "keuro", "keuros"], 1000, .eur)
        add(["kusd", "kdollars"], 1000, .usd)
        add(["kgbp"], 1000, .gbp)
        add(["kchf"], 1000, .chf)
        add(["kcad"], 1000, .cad)
        add(["kdh", "kdhs", "kmad"], 1000, .mad)
        add(["eur", "euro", "euros", "balles"], 1, .eur)
        add(["usd", "dollars", "dollar"], 1, .usd)
        add(["gbp"], 1, .gbp)
        add(["chf"], 1, .chf)
        add(["cad"], 1, .cad)
        add(["dh", "dhs", "mad", "dirhams", "dirham"], 1, .mad)
        add(["mio", "mln"], 1_000_000, nil)
        table["m"] = LeadAmountSuffix(multiplier: 1_000_000, currency: nil, needsCurrency: true, isBareE: false)
        table["e"] = LeadAmountSuffix(multiplier: 1, currency: .eur, needsCurrency: false, isBareE: true)
        return table
    }()
}
