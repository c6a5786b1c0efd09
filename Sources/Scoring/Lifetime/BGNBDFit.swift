import Foundation

/// A maximum-likelihood fit of the BG/NBD model.
public struct BGNBDFit: Codable, Sendable, Hashable {
    /// The fitted parameters.
    public var parameters: BGNBDParameters
    /// The total log-likelihood at those parameters.
    public var logLikelihood: Double
    /// Whether the optimizer met its gradient tolerance.
    public var converged: Bool
    /// Quasi-Newton iterations used (all restarts together).
    public var iterations: Int

    /// Fits r, α, a, b by maximum likelihood: BFGS on the log-parameters with the analytic gradient, from several
    /// starting points, keeping the best. Customers with identical (x, t_x, T) are counted once with a weight, and the
    /// terms that depend on x alone are computed once per distinct x, so the cost grows with distinct histories, not
    /// customers. Returns nil when there are no customers or no finite fit.
    public static func fit(_ customers: [CustomerSummary]) -> BGNBDFit? {
        guard let data = BGNBDLikelihood(customers) else { return nil }
        var starts: [[Double]] = [[0, 0, 0, 0], [log(0.5), log(max(data.meanT, 1)), log(0.5), log(2)], [log(2), log(10), log(2), log(5)]]
        var best: MinimizationResult?
        var iterations = 0
        var warmHessian: [[Double]]?
        if customers.count >= 2 * warmStartSample, let sample = BGNBDLikelihood(Self.sample(customers, size: warmStartSample)) {
            let warm = Minimizer.bfgs(from: starts[0], gradientTolerance: 1e-6) { z, gradient in
                sample.negativeMeanLogLikelihood(z, gradient: &gradient)
            }
            iterations += warm.iterations
            if warm.value.isFinite, warm.point.allSatisfy({ $0.isFinite && abs($0) < 20 }) {
                starts.insert(warm.point, at: 0)
                warmHessian = warm.inverseHessian
            }
        }
        for (k, start) in starts.enumerated() {
            if k > 0, best?.converged == true { break }
            let result = Minimizer.bfgs(from: start, inverseHessian: k == 0 ? warmHessian : nil) { z, gradient in
                data.negativeMeanLogLikelihood(z, gradient: &gradient)
            }
            iterations += result.iterations
            if result.value.isFinite, result.value < (best?.value ?? .infinity) { best = result }
        }
        guard let best else { return nil }
        let p = best.point.map { exp($0) }
        let parameters = BGNBDParameters(r: p[0], alpha: p[1], a: p[2], b: p[3])
        guard parameters.isValid else { return nil }
        return BGNBDFit(
            parameters: parameters, logLikelihood: -best.value * data.customerCount,
            converged: best.converged, iterations: iterations
        )
    }

    /// Customers in a warm-start sample: a large cohort is first fitted on an evenly spaced sample of this size, and
    /// the full fit starts from there (it then needs only a few iterations on all the data).
    static let warmStartSample = 2_000

    private static func sample(_ customers: [CustomerSummary], size: Int) -> [CustomerSummary] {
        let step = Double(customers.count) / Double(size)
        return (0..<size).map { customers[min(Int(Double($0) * step), customers.count - 1)] }
    }
}

/// The BG/NBD log-likelihood over aggregated customers, with its gradient in log-parameters.
struct BGNBDLikelihood {
    private struct History { var xIndex: Int; var txIndex: Int; var tIndex: Int; var weight: Double }
    private struct HistoryKey: Hashable { var xIndex: Int; var txIndex: Int; var tIndex: Int }

    private let xs: [Double]
    private let xWeights: [Double]
    private let txValues: [Double]
    private let tValues: [Double]
    private let histories: [History]
    let customerCount: Double
    let meanT: Double

    init?(_ customers: [CustomerSummary]) {
        let valid = customers.filter { $0.tx.isFinite && $0.T.isFinite && $0.tx >= 0 && $0.T >= $0.tx }
        guard !valid.isEmpty else { return nil }
        var xs = ValueIndex<Int>(), txs = ValueIndex<Double>(), ts = ValueIndex<Double>()
        var xWeights: [Double] = []
        var historyIndex: [HistoryKey: Int] = [:]
        var histories: [History] = []
        historyIndex.reserveCapacity(valid.count)
        for customer in valid {
            let xi = xs.index(of: customer.x)
            if xi == xWeights.count { xWeights.append(0) }
            xWeights[xi] += 1
            let key = HistoryKey(xIndex: xi, txIndex: txs.index(of: customer.tx), tIndex: ts.index(of: customer.T))
            if let h = historyIndex[key] {
                histories[h].weight += 1
            } else {
                historyIndex[key] = histories.count
                histories.append(History(xIndex: key.xIndex, txIndex: key.txIndex, tIndex: key.tIndex, weight: 1))
            }
        }
        self.xs = xs.values.map(Double.init)
        self.xWeights = xWeights
        self.txValues = txs.values
        self.tValues = ts.values
        self.histories = histories
        customerCount = Double(valid.count)
        meanT = valid.reduce(0) { $0 + $1.T } / customerCount
    }

    /// −LL / n at exp(z), and its gradient with respect to z, written into `gradient`.
    func negativeMeanLogLikelihood(_ z: [Double], gradient: inout [Double]) -> Double {
        let r = exp(z[0]), alpha = exp(z[1]), a = exp(z[2]), b = exp(z[3])
        let lg = SpecialFunctions.logGamma, dg = SpecialFunctions.digamma
        let logAlpha = log(alpha), logA = log(a)
        var total = 0.0, dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0
        let lgR = lg(r), lgB = lg(b), lgAB = lg(a + b), dgR = dg(r), dgB = dg(b), dgAB = dg(a + b)
        var logBX1 = [Double](repeating: 0, count: xs.count)
        for (i, x) in xs.enumerated() {
            let w = xWeights[i]
            total += w * (lg(r + x) - lgR + r * logAlpha + lgAB + lg(b + x) - lgB - lg(a + b + x))
            let dgABX = dg(a + b + x)
            dr += w * (dg(r + x) - dgR + logAlpha)
            dAlpha += w * r / alpha
            da += w * (dgAB - dgABX)
            db += w * (dgAB + dg(b + x) - dgB - dgABX)
            logBX1[i] = x > 0 ? log(b + x - 1) : 0
        }
        let logAT = tValues.map { log(alpha + $0) }, inverseAT = tValues.map { 1 / (alpha + $0) }
        let logATx = txValues.map { log(alpha + $0) }, inverseATx = txValues.map { 1 / (alpha + $0) }
        let sums = BatchMap.reduce(
            count: histories.count,
            partial: { range -> SIMD8<Double> in
                var total = 0.0, dr = 0.0, dAlpha = 0.0, da = 0.0, db = 0.0
                for h in histories[range] {
                    let x = xs[h.xIndex]
                    let logT = logAT[h.tIndex]
                    let a3 = -(r + x) * logT
                    if x == 0 {
                        total += h.weight * a3
                        dr -= h.weight * logT
                        dAlpha -= h.weight * r * inverseAT[h.tIndex]
                        continue
                    }
                    let logTx = logATx[h.txIndex]
                    let a4 = logA - logBX1[h.xIndex] - (r + x) * logTx
                    let difference = a4 - a3
                    let e = exp(-abs(difference))
                    let w4 = difference > 0 ? 1 / (1 + e) : e / (1 + e)
                    let w3 = 1 - w4
                    total += h.weight * (max(a3, a4) + log1p(e))
                    dr -= h.weight * (w3 * logT + w4 * logTx)
                    dAlpha -= h.weight * (r + x) * (w3 * inverseAT[h.tIndex] + w4 * inverseATx[h.txIndex])
                    da += h.weight * w4 / a
                    db -= h.weight * w4 / (b + x - 1)
                }
                return SIMD8(total, dr, dAlpha, da, db, 0, 0, 0)
            }, combine: { $0 + $1 })
        total += sums[0]
        dr += sums[1]
        dAlpha += sums[2]
        da += sums[3]
        db += sums[4]
        let n = customerCount
        gradient[0] = -dr * r / n
        gradient[1] = -dAlpha * alpha / n
        gradient[2] = -da * a / n
        gradient[3] = -db * b / n
        return -total / n
    }
}

/// Distinct values in order of first appearance, each with its index.
struct ValueIndex<Value: Hashable> {
    private(set) var values: [Value] = []
    private var positions: [Value: Int] = [:]

    mutating func index(of value: Value) -> Int {
        if let position = positions[value] { return position }
        positions[value] = values.count
        values.append(value)
        return values.count - 1
    }
}
