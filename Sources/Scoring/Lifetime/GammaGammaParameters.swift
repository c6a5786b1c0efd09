import Foundation

/// Parameters of the Gamma-Gamma spend model (Fader & Hardie 2013): a customer's transaction values are
/// Gamma(p, ν) with ν ~ Gamma(q, γ); `v` is γ.
public struct GammaGammaParameters: Codable, Sendable, Hashable {
    public var p: Double
    public var q: Double
    public var v: Double

    /// Creates the parameters.
    public init(p: Double, q: Double, v: Double) {
        self.p = p
        self.q = q
        self.v = v
    }

    /// Whether every parameter is finite and positive and q > 1 (so the mean spend exists).
    public var isValid: Bool {
        [p, q, v].allSatisfy { $0.isFinite && $0 > 0 } && q > 1
    }

    /// The population mean of customers' mean spend, p·γ / (q − 1); nil when q ≤ 1.
    public var populationMeanSpend: Double? {
        q > 1 ? p * v / (q - 1) : nil
    }

    /// E[M | x, z̄]: the expected average transaction value of a customer with `x` repeat purchases averaging
    /// `averageRepeatAmount` — (p(γ + x z̄)) / (px + q − 1), the population mean when x = 0. Negative z̄ counts as 0.
    public func expectedAverageSpend(x: Int, averageRepeatAmount: Double) -> Double? {
        let mean = averageRepeatAmount.isFinite ? max(averageRepeatAmount, 0) : 0
        let xd = Double(max(x, 0))
        let denominator = p * xd + q - 1
        guard denominator > 0 else { return nil }
        let value = p * (v + xd * mean) / denominator
        return value.isFinite ? value : nil
    }

    /// The log-likelihood of one repeat customer (x > 0, z̄ > 0); nil for others.
    public func logLikelihood(x: Int, averageRepeatAmount m: Double) -> Double? {
        guard x > 0, m > 0, m.isFinite else { return nil }
        let xd = Double(x)
        let px = p * xd
        let lg = SpecialFunctions.logGamma
        return lg(px + q) - lg(px) - lg(q) + q * log(v) + (px - 1) * log(m) + px * log(xd) - (px + q) * log(xd * m + v)
    }
}
