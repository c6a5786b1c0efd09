import Foundation

/// A maximum-likelihood fit of the Gamma-Gamma spend model.
public struct GammaGammaFit: Codable, Sendable, Hashable {
    /// The fitted parameters.
    public var parameters: GammaGammaParameters
    /// The total log-likelihood at those parameters.
    public var logLikelihood: Double
    /// Whether the optimizer met its gradient tolerance.
    public var converged: Bool
    /// Customers the fit used (x > 0 and z̄ > 0).
    public var customerCount: Int

    /// Fits p, q, γ by maximum likelihood on the customers with at least one repeat purchase and a positive mean
    /// repeat amount (zero or negative spend is left out): BFGS on log-parameters with the analytic gradient.
    /// Returns nil when no customer qualifies or no finite fit exists.
    public static func fit(_ customers: [CustomerSummary]) -> GammaGammaFit? {
        guard let data = GammaGammaLikelihood(customers) else { return nil }
        var best: MinimizationResult?
        for (k, start) in [[0.0, 0.0, 0.0], [log(2.0), log(3.0), log(max(data.meanSpend, 1))], [log(5.0), log(5.0), log(10.0)]].enumerated() {
            if k > 0, best?.converged == true { break }
            let result = Minimizer.bfgs(from: start) { z, gradient in data.negativeMeanLogLikelihood(z, gradient: &gradient) }
            if result.value.isFinite, result.value < (best?.value ?? .infinity) { best = result }
        }
        guard let best else { return nil }
        let parameters = GammaGammaParameters(p: exp(best.point[0]), q: exp(best.point[1]), v: exp(best.point[2]))
        guard [parameters.p, parameters.q, parameters.v].allSatisfy(\.isFinite) else { return nil }
        return GammaGammaFit(
            parameters: parameters, logLikelihood: -best.value * data.customerCount,
            converged: best.converged, customerCount: Int(data.customerCount)
        )
    }
}

/// The Gamma-Gamma log-likelihood, grouped by x (the terms in x alone) and by distinct (x, z̄) pairs.
struct GammaGammaLikelihood {
    private struct Group { var x: Double; var weight: Double; var logXSum: Double; var logMeanSum: Double }
    private struct Pair { var x: Double; var total: Double; var weight: Double }
    private struct PairKey: Hashable { var x: Int; var mean: Double }

    private let groups: [Group]
    private let pairs: [Pair]
    let customerCount: Double
    let meanSpend: Double

    init?(_ customers: [CustomerSummary]) {
        let repeaters = customers.filter { $0.x > 0 && $0.averageRepeatAmount > 0 && $0.averageRepeatAmount.isFinite }
        guard !repeaters.isEmpty else { return nil }
        var groupIndex = ValueIndex<Int>()
        var groups: [Group] = []
        var pairIndex: [PairKey: Int] = [:]
        var pairs: [Pair] = []
        for customer in repeaters {
            let x = Double(customer.x), m = customer.averageRepeatAmount
            let g = groupIndex.index(of: customer.x)
            if g == groups.count { groups.append(Group(x: x, weight: 0, logXSum: log(x), logMeanSum: 0)) }
            groups[g].weight += 1
            groups[g].logMeanSum += log(m)
            let key = PairKey(x: customer.x, mean: m)
            if let i = pairIndex[key] {
                pairs[i].weight += 1
            } else {
                pairIndex[key] = pairs.count
                pairs.append(Pair(x: x, total: x * m, weight: 1))
            }
        }
        self.groups = groups
        self.pairs = pairs
        customerCount = Double(repeaters.count)
        meanSpend = repeaters.reduce(0) { $0 + $1.averageRepeatAmount } / customerCount
    }

    /// −LL / n at exp(z) = (p, q, γ), and its gradient with respect to z, written into `gradient`.
    func negativeMeanLogLikelihood(_ z: [Double], gradient: inout [Double]) -> Double {
        let p = exp(z[0]), q = exp(z[1]), v = exp(z[2])
        let lg = SpecialFunctions.logGamma, dg = SpecialFunctions.digamma
        let lgQ = lg(q), dgQ = dg(q), logV = log(v)
        var total = 0.0, dp = 0.0, dq = 0.0, dv = 0.0
        for group in groups {
            let px = p * group.x, n = group.weight
            let dgPXQ = dg(px + q)
            total += n * (lg(px + q) - lg(px) - lgQ + q * logV + px * group.logXSum) + (px - 1) * group.logMeanSum
            dp += n * group.x * (dgPXQ - dg(px) + group.logXSum) + group.x * group.logMeanSum
            dq += n * (dgPXQ - dgQ + logV)
            dv += n * q / v
        }
        for pair in pairs {
            let logTotal = log(pair.total + v)
            total -= pair.weight * (p * pair.x + q) * logTotal
            dp -= pair.weight * pair.x * logTotal
            dq -= pair.weight * logTotal
            dv -= pair.weight * (p * pair.x + q) / (pair.total + v)
        }
        let n = customerCount
        gradient[0] = -dp * p / n
        gradient[1] = -dq * q / n
        gradient[2] = -dv * v / n
        return -total / n
    }
}
