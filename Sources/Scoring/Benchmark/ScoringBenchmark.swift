import Foundation

/// One timed benchmark.
public struct ScoringBenchmarkResult: Codable, Sendable, Hashable {
    /// What was timed.
    public var name: String
    /// How many customers.
    public var customers: Int
    /// Wall-clock seconds.
    public var seconds: Double
    /// The target, in seconds.
    public var targetSeconds: Double
    /// Figures worth reporting beside the time (fitted parameters, distinct histories, …).
    public var details: [String: Double]
}

/// Benchmarks of the scoring functions on deterministic synthetic data (`autopilot bench scoring`). Only the scoring
/// call is timed, never the data generation. Targets (2 cores): each under one second.
public enum ScoringBenchmark {
    private static let origin = ContinuousClock.now

    /// Monotonic time since an arbitrary origin; the default clock of the benchmarks.
    public static func monotonicNow() -> Duration {
        ContinuousClock.now - origin
    }

    /// Fixed-threshold RFM, quantile RFM and churn risk (with explanations' factors) for `customers` customers.
    public static func rfmAndChurn(
        customers: Int = 1_000_000, seed: UInt64 = 1, now: () -> Duration = monotonicNow
    ) -> ScoringBenchmarkResult {
        let inputs = SyntheticCustomers.churnInputs(count: customers, seed: seed)
        let measures = inputs.map(\.measures)
        var signals = inputs.map(\.signals)
        let start = now()
        let fixed = RFMThresholds.standard.scores(measures)
        let afterFixed = now()
        let quantile = QuantileRFM.scores(measures)
        let afterQuantile = now()
        for i in signals.indices { signals[i].rfm = fixed[i] }
        let risks = ChurnRiskModel().assess(signals)
        let end = now()
        let seconds = seconds(end - start)
        let critical = risks.count { $0.band == .critical }
        let champions = quantile.count { $0.segment == .champions }
        return ScoringBenchmarkResult(
            name: "rfm_and_churn", customers: customers, seconds: seconds, targetSeconds: 1,
            details: [
                "criticalShare": Double(critical) / Double(max(customers, 1)),
                "quantileChampionsShare": Double(champions) / Double(max(customers, 1)),
                "fixedRFMSeconds": Self.seconds(afterFixed - start), "quantileRFMSeconds": Self.seconds(afterQuantile - afterFixed),
                "churnSeconds": Self.seconds(end - afterQuantile),
            ]
        )
    }

    /// BG/NBD and Gamma-Gamma fits on `customers` synthetic customers (23,570 = the full CDNOW cohort's size).
    public static func lifetimeFit(customers: Int = 23_570, seed: UInt64 = 2, now: () -> Duration = monotonicNow) -> ScoringBenchmarkResult {
        let summaries = SyntheticCustomers.summaries(count: customers, seed: seed)
        let start = now()
        let bg = BGNBDFit.fit(summaries)
        let afterBG = now()
        let gg = GammaGammaFit.fit(summaries)
        let end = now()
        let seconds = seconds(end - start)
        var details: [String: Double] = [
            "repeatCustomers": Double(summaries.count { $0.x > 0 }), "bgnbdSeconds": Self.seconds(afterBG - start),
            "gammaGammaSeconds": Self.seconds(end - afterBG),
            "distinctHistories": Double(Set(summaries.map { [Double($0.x), $0.tx, $0.T] }).count),
        ]
        if let bg {
            details["r"] = bg.parameters.r
            details["alpha"] = bg.parameters.alpha
            details["a"] = bg.parameters.a
            details["b"] = bg.parameters.b
            details["bgnbdIterations"] = Double(bg.iterations)
        }
        if let gg {
            details["p"] = gg.parameters.p
            details["q"] = gg.parameters.q
            details["v"] = gg.parameters.v
        }
        return ScoringBenchmarkResult(name: "lifetime_fit", customers: customers, seconds: seconds, targetSeconds: 1, details: details)
    }

    /// P(alive), expected purchases in 39 weeks, expected spend and CLV for `customers` customers, from a model fitted
    /// beforehand (the fit is not timed).
    public static func lifetimePrediction(
        customers: Int = 1_000_000, seed: UInt64 = 3, now: () -> Duration = monotonicNow
    ) -> ScoringBenchmarkResult {
        let summaries = SyntheticCustomers.summaries(count: customers, seed: seed)
        let model = LifetimeValueModel.fit(Array(summaries.prefix(23_570)))
        let end = Date(timeIntervalSince1970: 0)
        let start = now()
        let values = model.predict(summaries, calibrationEnd: end)
        let seconds = seconds(now() - start)
        let total = values.reduce(0) { $0 + $1.clv }
        return ScoringBenchmarkResult(
            name: "lifetime_prediction", customers: customers, seconds: seconds, targetSeconds: 1,
            details: ["meanCLV": total / Double(max(customers, 1)), "usesFallback": model.usesPurchaseFallback ? 1 : 0]
        )
    }

    /// All three benchmarks with their default sizes.
    public static func all(now: () -> Duration = monotonicNow) -> [ScoringBenchmarkResult] {
        [rfmAndChurn(now: now), lifetimeFit(now: now), lifetimePrediction(now: now)]
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
