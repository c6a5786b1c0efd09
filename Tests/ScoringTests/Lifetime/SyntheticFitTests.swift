import Foundation
import Scoring
import Testing

@Suite("Fits on synthetic customers")
struct SyntheticFitTests {
    @Test("a large synthetic cohort: the aggregated, parallel likelihood equals the per-customer sum, and the truth is recovered")
    func largeCohort() throws {
        let customers = SyntheticCustomers.summaries(count: 23_570, seed: 7)
        let fit = try #require(BGNBDFit.fit(customers))
        #expect(fit.converged)
        let p = fit.parameters
        let direct = customers.reduce(0) { $0 + p.logLikelihood(x: $1.x, tx: $1.tx, T: $1.T) }
        #expect(abs(fit.logLikelihood - direct) <= 1e-9 * abs(direct))
        #expect(abs(p.r - 0.25) < 0.05 && abs(p.a - 0.8) < 0.25 && abs(p.b - 2.5) < 1)
        let truth = BGNBDParameters(r: 0.25, alpha: 4.5, a: 0.8, b: 2.5)
        let atTruth = customers.reduce(0) { $0 + truth.logLikelihood(x: $1.x, tx: $1.tx, T: $1.T) }
        #expect(fit.logLikelihood >= atTruth)
        let spend = try #require(GammaGammaFit.fit(customers))
        let g = spend.parameters
        let directSpend = customers.reduce(0) { $0 + (g.logLikelihood(x: $1.x, averageRepeatAmount: $1.averageRepeatAmount) ?? 0) }
        #expect(abs(spend.logLikelihood - directSpend) <= 1e-9 * abs(directSpend))
    }

    @Test("the benchmarks run on small sizes and report finite timings")
    func benchmarkSmoke() {
        var ticks: Int64 = 0
        let manual: () -> Duration = {
            ticks += 1
            return .milliseconds(ticks)
        }
        let results = [
            ScoringBenchmark.rfmAndChurn(customers: 2_000, now: manual), ScoringBenchmark.lifetimeFit(customers: 2_000, now: manual),
            ScoringBenchmark.lifetimePrediction(customers: 2_000, now: manual),
        ]
        #expect(results.map(\.name) == ["rfm_and_churn", "lifetime_fit", "lifetime_prediction"])
        #expect(results.allSatisfy { $0.seconds > 0 && $0.seconds.isFinite })
        #expect(SyntheticCustomers.summaries(count: 100, seed: 1) == SyntheticCustomers.summaries(count: 100, seed: 1))
    }
}
