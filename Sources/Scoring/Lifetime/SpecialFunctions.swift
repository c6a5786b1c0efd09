import Foundation

/// The special functions the lifetime models need: log-gamma, digamma and the Gauss hypergeometric series.
enum SpecialFunctions {
    /// ln Γ(x) for x > 0.
    static func logGamma(_ x: Double) -> Double {
        lgamma(x)
    }

    /// ψ(x) = d/dx ln Γ(x), for x > 0: upward recurrence to x ≥ 6, then the asymptotic series (error < 1e-14).
    static func digamma(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return .nan }
        var value = x
        var shift = 0.0
        while value < 6 {
            shift -= 1 / value
            value += 1
        }
        let inverse = 1 / value
        let inverse2 = inverse * inverse
        let series = inverse2 * (1.0 / 12 - inverse2 * (1.0 / 120 - inverse2 * (1.0 / 252 - inverse2 * (1.0 / 240 - inverse2 * (1.0 / 132)))))
        return shift + log(value) - 0.5 * inverse - series
    }

    /// ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1 and c > 0; nil if it does not converge in `maxTerms` terms.
    static func hypergeometric2F1(_ a: Double, _ b: Double, _ c: Double, _ z: Double, maxTerms: Int = 100_000) -> Double? {
        guard z >= 0, z < 1, c > 0 else { return nil }
        var term = 1.0
        var sum = 1.0
        var k = 0.0
        for _ in 0..<maxTerms {
            term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
            sum += term
            k += 1
            if abs(term) <= 1e-16 * abs(sum) || term == 0 { return sum.isFinite ? sum : nil }
        }
        return nil
    }
}
