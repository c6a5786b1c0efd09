import Foundation

/// One amount in the text: a number with its multiplier and currency, when written beside it.
struct LeadAmount: Sendable {
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
