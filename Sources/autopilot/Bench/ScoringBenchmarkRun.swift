import Decisions
import Foundation
import Scoring

/// `autopilot bench scoring`: RFM + churn for 1M customers, BG/NBD + Gamma-Gamma fit on 23,570 and prediction for 1M,
/// and the same fit by Python's `lifetimes` in the same run.
struct ScoringBenchmarkRun {
    struct Result: Codable {
        var benchmarks: [ScoringBenchmarkResult]
        var recommendations: DecisionsBenchmarkResult
        var lifetimesFitSeconds: Double?
        var lifetimesParameters: [String: Double]?
        var speedupOverLifetimes: Double?
        var lifetimesSkipped: String?
        var peakRSSMB: Double

        enum CodingKeys: String, CodingKey {
            case benchmarks, recommendations
            case lifetimesFitSeconds = "lifetimes_fit_seconds"
            case lifetimesParameters = "lifetimes_parameters"
            case speedupOverLifetimes = "speedup_over_lifetimes"
            case lifetimesSkipped = "lifetimes_skipped"
            case peakRSSMB = "peak_rss_mb"
        }
    }

    let directory: URL

    func run() -> Result {
        let rfm = ScoringBenchmark.rfmAndChurn()
        let fits = (0..<3).map { _ in ScoringBenchmark.lifetimeFit() }
        let fit = fits.min { $0.seconds < $1.seconds } ?? fits[0]
        let prediction = ScoringBenchmark.lifetimePrediction()
        let comparison = LifetimesComparison.run(SyntheticCustomers.summaries(count: 23_570, seed: 2), directory: directory)
        return Result(
            benchmarks: [rfm, fit, prediction], recommendations: DecisionsBenchmark.recommendations(), lifetimesFitSeconds: comparison.seconds,
            lifetimesParameters: comparison.parameters,
            speedupOverLifetimes: comparison.seconds.map { ($0 / max(fit.seconds, 1e-9) * 10).rounded() / 10 }, lifetimesSkipped: comparison.skipped,
            peakRSSMB: (ProcessMemory.peakResidentMB() * 10).rounded() / 10)
    }
}
