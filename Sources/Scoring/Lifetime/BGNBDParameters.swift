import Foundation

/// Parameters of the BG/NBD model (Fader, Hardie & Lee 2005), time in weeks: purchase rates are Gamma(r, α),
/// drop-out probabilities Beta(a, b).
public struct BGNBDParameters: Codable, Sendable, Hashable {
    public var r: Double
    public var alpha: Double
    public var a: Double
    public var b: Double

    /// Creates the parameters.
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = r
        self.alpha = alpha
        self.a = a
        self.b = b
    }

    /// Whether every parameter is finite and positive.
    public var isValid: Bool {
        [r, alpha, a, b].allSatisfy { $0.isFinite && $0 > 0 }
    }

    /// The log-likelihood of one customer (x, t_x, T), with the log-sum trick for the a/(b + x − 1) term.
    public func logLikelihood(x: Int, tx: Double, T: Double) -> Double {
        let xd = Double(x)
        let lg = SpecialFunctions.logGamma
        let a1 = lg(r + xd) - lg(r) + r * log(alpha)
        let a2 = lg(a + b) + lg(b + xd) - lg(b) - lg(a + b + xd)
        let a3 = -(r + xd) * log(alpha + T)
        guard x > 0 else { return a1 + a2 + a3 }
        let a4 = log(a) - log(b + xd - 1) - (r + xd) * log(alpha + tx)
        return a1 + a2 + LogSum.of(a3, a4)
    }

    /// Probability that a customer with this history is still active at T.
    public func probabilityAlive(x: Int, tx: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let xd = Double(x)
        let logOdds = log(a) - log(b + xd - 1) + (r + xd) * (log(alpha + T) - log(alpha + tx))
        return 1 / (1 + exp(logOdds))
    }

    /// Expected number of purchases in the next `t` weeks for a customer with this history (FHL 2005, eq. 10).
    ///
    /// Computed as P(alive) × (a+b+x−1)/(a−1) × [1 − (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)], z = t/(α+T+t), which is
    /// the paper's form after Euler's transformation of ₂F₁ (its series then converges fast for every x).
    public func expectedPurchases(inNext t: Double, x: Int, tx: Double, T: Double) -> Double {
        guard t > 0, t.isFinite else { return 0 }
        let xd = Double(x)
        let aa = abs(a - 1) < 1e-7 ? 1 + 1e-7 : a
        let z = t / (alpha + T + t)
        guard let series = SpecialFunctions.hypergeometric2F1(aa + b - 1 - r, aa - 1, aa + b + xd - 1, z) else { return .nan }
        let bracket = 1 - pow(1 - z, aa - 1) * series
        let value = (aa + b + xd - 1) / (aa - 1) * bracket * probabilityAlive(x: x, tx: tx, T: T)
        return value.isFinite ? max(value, 0) : .nan
    }

    /// Expected purchases in `t` weeks by a customer just acquired, E[X(t)] (FHL 2005, eq. 7).
    public func expectedPurchasesOfNewCustomer(in t: Double) -> Double {
        guard t > 0, t.isFinite else { return 0 }
        let z = t / (alpha + t)
        guard let series = SpecialFunctions.hypergeometric2F1(r, b, a + b - 1, z) else { return .nan }
        return (a + b - 1) / (a - 1) * (1 - pow(alpha / (alpha + t), r) * series)
    }

    /// Weeks until the next purchase of a customer who is still active, at the posterior mean purchase rate:
    /// (α + T) / (r + x).
    public func expectedWeeksToNextPurchase(x: Int, T: Double) -> Double {
        (alpha + T) / (r + Double(x))
    }
}

/// log(e^u + e^v) without overflow.
enum LogSum {
    static func of(_ u: Double, _ v: Double) -> Double {
        let high = max(u, v)
        guard high.isFinite else { return high }
        return high + log1p(exp(min(u, v) - high))
    }
}
