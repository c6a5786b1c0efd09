import Foundation

/// The statistics behind holdout lifts and A/B decisions, as pure functions: normal and Student's t distributions,
/// the two-proportion z-test, Welch's t-test and the confidence interval of a relative lift.
public enum ExperimentStatistics {
    /// P(Z ≤ x) for a standard normal Z.
    public static func normalCDF(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The x with P(Z ≤ x) = p, for 0 < p < 1 (bisection on the CDF, to 1e-12).
    public static func normalQuantile(_ p: Double) -> Double {
        guard p > 0, p < 1 else { return p <= 0 ? -.infinity : .infinity }
        var low = -40.0
        var high = 40.0
        for _ in 0..<200 {
            let middle = (low + high) / 2
            if normalCDF(middle) < p { low = middle } else { high = middle }
            if high - low < 1e-12 { break }
        }
        return (low + high) / 2
    }

    /// Two-sided p-value of a statistic that is standard normal under the null hypothesis.
    public static func twoSidedNormalP(_ z: Double) -> Double {
        min(1, erfc(abs(z) / 2.0.squareRoot()))
    }

    /// P(T ≤ t) for Student's t with `df` degrees of freedom (through the regularised incomplete beta function).
    public static func studentTCDF(_ t: Double, df: Double) -> Double {
        guard df > 0, t.isFinite else { return t > 0 ? 1 : 0 }
        let tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), a: df / 2, b: 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// I_x(a, b), by the continued fraction (modified Lentz), using the symmetry for x past the mean.
    public static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x < 1 else { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let logFront: Double = logGammas + logPowers
        if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(1 - x, a: b, b: a) }
        let tiny = 1e-300
        var c = 1.0
        let first: Double = (a + b) * x / (a + 1)
        var d: Double = 1 - first
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var fraction = d
        for m in 1...500 {
            let m = Double(m)
            let evenTop: Double = m * (b - m) * x
            let evenBottom: Double = (a + 2 * m - 1) * (a + 2 * m)
            let even: Double = evenTop / evenBottom
            d = 1 + even * d
            c = 1 + even / c
            if abs(d) < tiny { d = tiny }
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            fraction *= d * c
            let oddTop: Double = (a + m) * (a + b + m) * x
            let oddBottom: Double = (a + 2 * m) * (a + 2 * m + 1)
            let odd: Double = -oddTop / oddBottom
            d = 1 + odd * d
            c = 1 + odd / c
            if abs(d) < tiny { d = tiny }
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            fraction *= delta
            if abs(delta - 1) < 1e-14 { break }
        }
        return exp(logFront) * fraction / a
    }

    /// A test's statistic and two-sided p-value (and degrees of freedom for t-tests).
    public struct TestResult: Sendable, Hashable {
        public var statistic: Double
        public var pValue: Double
        public var degreesOfFreedom: Double?
    }

    /// The pooled two-proportion z-test of x1/n1 against x2/n2; nil when a group is empty or the pooled rate is 0 or 1.
    public static func twoProportionZTest(successes1: Int, trials1: Int, successes2: Int, trials2: Int) -> TestResult? {
        guard trials1 > 0, trials2 > 0 else { return nil }
        let n1 = Double(trials1)
        let n2 = Double(trials2)
        let pooled = Double(successes1 + successes2) / (n1 + n2)
        let spread: Double = 1 / n1 + 1 / n2
        let variance: Double = pooled * (1 - pooled) * spread
        guard variance > 0 else { return nil }
        let difference: Double = Double(successes1) / n1 - Double(successes2) / n2
        let z: Double = difference / variance.squareRoot()
        return TestResult(statistic: z, pValue: twoSidedNormalP(z))
    }

    /// Welch's t-test of two means from their counts, sums and sums of squares (e.g. revenue per entrant).
    public static func welchTTest(_ first: Moments, _ second: Moments) -> TestResult? {
        guard first.count >= 2, second.count >= 2 else { return nil }
        let a = first.varianceOfMean
        let b = second.varianceOfMean
        guard a + b > 0 else { return nil }
        let t = (first.mean - second.mean) / (a + b).squareRoot()
        let sum: Double = a + b
        let firstTerm: Double = a * a / Double(first.count - 1)
        let secondTerm: Double = b * b / Double(second.count - 1)
        let df: Double = sum * sum / (firstTerm + secondTerm)
        let p = 2 * (1 - studentTCDF(abs(t), df: df))
        return TestResult(statistic: t, pValue: min(1, max(0, p)), degreesOfFreedom: df)
    }

    /// Count, sum and sum of squares of a sample: enough for its mean and variance.
    public struct Moments: Sendable, Hashable {
        public var count: Int
        public var sum: Double
        public var sumOfSquares: Double

        public init(count: Int, sum: Double, sumOfSquares: Double) {
            self.count = count
            self.sum = sum
            self.sumOfSquares = sumOfSquares
        }

        public var mean: Double { count > 0 ? sum / Double(count) : 0 }
        /// The unbiased sample variance.
        public var variance: Double {
            guard count >= 2 else { return 0 }
            let squares: Double = sumOfSquares - sum * sum / Double(count)
            return max(0, squares / Double(count - 1))
        }
        /// The variance of the mean: s² / n.
        public var varianceOfMean: Double { count > 0 ? variance / Double(count) : 0 }
    }

    /// A relative lift with its confidence interval (0.14 for 14 %).
    public struct Lift: Sendable, Hashable {
        public var estimate: Double
        public var low: Double
        public var high: Double
        public var confidence: Double
    }

    /// The relative difference of conversion rates, treatment against holdout (p_t / p_h − 1), with the interval of the
    /// log rate ratio (Katz): exp(log RR ± z·√(1/x_t − 1/n_t + 1/x_h − 1/n_h)) − 1. Nil when either group has no
    /// entrant or no conversion (the ratio is then undefined).
    public static func lift(
        treatmentConversions xt: Int, treatmentEntrants nt: Int, holdoutConversions xh: Int, holdoutEntrants nh: Int, confidence: Double = 0.95
    ) -> Lift? {
        guard nt > 0, nh > 0, xt > 0, xh > 0 else { return nil }
        let treatmentRate: Double = Double(xt) / Double(nt)
        let holdoutRate: Double = Double(xh) / Double(nh)
        let ratio: Double = treatmentRate / holdoutRate
        let treatmentPart: Double = 1 / Double(xt) - 1 / Double(nt)
        let holdoutPart: Double = 1 / Double(xh) - 1 / Double(nh)
        let standardError: Double = (treatmentPart + holdoutPart).squareRoot()
        let z: Double = normalQuantile(1 - (1 - confidence) / 2)
        return Lift(
            estimate: ratio - 1, low: ratio * exp(-z * standardError) - 1, high: ratio * exp(z * standardError) - 1, confidence: confidence)
    }
}
