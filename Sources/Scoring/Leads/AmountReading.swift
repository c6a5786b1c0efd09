import Foundation

/// One amount in the text: a number with its multiplier and currency, when written beside it.
struct AmountReading: Sendable {
    var start: Int
    var end: Int
    /// The number as written, before the multiplier.
    var written: Double
    var multiplier: Double
    var currency: LeadCurrency?
    var isPlain: Bool

    var value: Double { written * multiplier }
    var hasMultiplier: Bool { multiplier != 1 }
}

/// Letters glued to a number: "1k", "2keur", "500e", "5000dh", "3m€".
struct AttachedSuffix: Sendable {
    let multiplier: Double
    let currency: LeadCurrency?
    /// "m" means millions only when a currency follows.
    let needsCurrency: Bool
    /// "e" means euros only after an amount of at least 10 ("2e trimestre" is an ordinal).
    let isBareE: Bool

    static func of(_ letters: ArraySlice<UInt8>) -> AttachedSuffix? {
        table[String(decoding: letters, as: UTF8.self)]
    }

    private static let table: [String: AttachedSuffix] = {
        var table: [String: AttachedSuffix] = [:]
        func add(_ words: [String], _ multiplier: Double, _ currency: LeadCurrency?) {
            for word in words {
                table[word] = AttachedSuffix(multiplier: multiplier, currency: currency, needsCurrency: false, isBareE: false)
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
        table["m"] = AttachedSuffix(multiplier: 1_000_000, currency: nil, needsCurrency: true, isBareE: false)
        table["e"] = AttachedSuffix(multiplier: 1, currency: .eur, needsCurrency: false, isBareE: true)
        return table
    }()
}
