/// The outcome of a numerical minimization.
struct MinimizationResult: Sendable {
    var point: [Double]
    var value: Double
    var gradientNorm: Double
    var iterations: Int
    var evaluations: Int
    var converged: Bool
    /// The final approximation of the inverse Hessian, to warm-start another run.
    var inverseHessian: [[Double]]
}

/// A quasi-Newton (BFGS) minimizer with analytic gradients and a backtracking (Armijo) line search.
///
/// Used on log-parameters, so every point is valid; steps are capped so exp() of a coordinate never overflows.
enum Minimizer {
    /// Minimizes `objective`, which returns f(z) and writes ∇f(z) into its second argument.
    static func bfgs(
        from start: [Double],
        gradientTolerance: Double = 1e-9,
        maxIterations: Int = 500,
        maxStep: Double = 4,
        inverseHessian initialInverseHessian: [[Double]]? = nil,
        objective: (_ point: [Double], _ gradient: inout [Double]) -> Double
    ) -> MinimizationResult {
        let n = start.count
        var point = start
        var gradient = [Double](repeating: 0, count: n)
        var value = objective(point, &gradient)
        var evaluations = 1
        guard value.isFinite, gradient.allSatisfy(\.isFinite) else {
            return MinimizationResult(
                point: point, value: value, gradientNorm: .infinity, iterations: 0, evaluations: 1, converged: false, inverseHessian: identity(n)
            )
        }
        let warm = initialInverseHessian.flatMap { $0.count == n && $0.allSatisfy { $0.count == n && $0.allSatisfy(\.isFinite) } ? $0 : nil }
        var inverseHessian = warm ?? identity(n)
        var newGradient = gradient
        var iteration = 0
        var stalled = 0
        while iteration < maxIterations {
            if maxNorm(gradient) < gradientTolerance { break }
            iteration += 1
            var direction = multiply(inverseHessian, gradient).map { -$0 }
            if dot(direction, gradient) >= 0 {
                inverseHessian = identity(n)
                direction = gradient.map { -$0 }
            }
            let longest = maxNorm(direction)
            var step = longest > maxStep ? maxStep / longest : 1
            let slope = dot(direction, gradient)
            var candidate = point
            var candidateValue = Double.infinity
            var accepted = false
            for _ in 0..<60 {
                for i in 0..<n { candidate[i] = point[i] + step * direction[i] }
                candidateValue = objective(candidate, &newGradient)
                evaluations += 1
                if candidateValue.isFinite, newGradient.allSatisfy(\.isFinite), candidateValue <= value + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step *= 0.5
            }
            guard accepted else { break }
            let s = (0..<n).map { candidate[$0] - point[$0] }
            let y = (0..<n).map { newGradient[$0] - gradient[$0] }
            let sy = dot(s, y)
            if sy > 1e-14 {
                if iteration == 1, warm == nil {
                    let scale = sy / dot(y, y)
                    inverseHessian = identity(n).map { $0.map { $0 * scale } }
                }
                update(&inverseHessian, s: s, y: y, sy: sy)
            }
            let improvement = value - candidateValue
            point = candidate
            gradient = newGradient
            value = candidateValue
            stalled = improvement <= 1e-15 * max(1, abs(value)) ? stalled + 1 : 0
            if stalled >= 3 { break }
        }
        let norm = maxNorm(gradient)
        return MinimizationResult(
            point: point, value: value, gradientNorm: norm, iterations: iteration, evaluations: evaluations,
            converged: value.isFinite && norm < max(gradientTolerance * 1000, 1e-6), inverseHessian: inverseHessian
        )
    }

    private static func update(_ h: inout [[Double]], s: [Double], y: [Double], sy: Double) {
        let n = s.count
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        let rho = 1 / sy
        for i in 0..<n {
            for j in 0..<n {
                h[i][j] += (1 + yhy * rho) * rho * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j])
            }
        }
    }

    private static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    private static func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { dot($0, v) }
    }

    private static func dot(_ u: [Double], _ v: [Double]) -> Double {
        var total = 0.0
        for i in u.indices { total += u[i] * v[i] }
        return total
    }

    private static func maxNorm(_ v: [Double]) -> Double {
        v.reduce(0) { max($0, abs($1)) }
    }
}
