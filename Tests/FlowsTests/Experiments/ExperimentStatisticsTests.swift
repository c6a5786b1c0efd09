import Flows
import Foundation
import Testing

/// Every figure is checked against SciPy, run in a separate Python process on the same inputs (the raw samples for Welch's
/// test), so the Swift code is compared with an implementation it shares nothing with.
@Suite("Experiment statistics against SciPy")
struct ExperimentStatisticsTests {
    static let proportions: [[Int]] = [
        [120, 1000, 100, 1000], [45, 300, 30, 310], [5, 50, 4, 60], [900, 10_000, 840, 10_000], [10, 2000, 30, 2000], [1, 10, 0, 12],
    ]

    @Test func twoProportionZTestsMatchSciPy() throws {
        let script = """
            import json, sys, math
            from scipy.stats import norm
            rows = json.load(sys.stdin)
            out = []
            for x1, n1, x2, n2 in rows:
                p = (x1 + x2) / (n1 + n2)
                z = (x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
                out.append([z, 2 * norm.sf(abs(z))])
            print(json.dumps(out))
            """
        let reference = try #require(try PythonReference.run(script, input: Self.proportions) as? [[Double]])
        for (row, expected) in zip(Self.proportions, reference) {
            let result = try #require(
                ExperimentStatistics.twoProportionZTest(successes1: row[0], trials1: row[1], successes2: row[2], trials2: row[3]))
            #expect(abs(result.statistic - expected[0]) < 1e-9, "z for \(row)")
            #expect(abs(result.pValue - expected[1]) < 1e-9, "p for \(row)")
        }
    }

    /// Revenue per entrant: mostly zeros, some orders of varied size (deterministic pseudo-random samples).
    static func revenueSample(count: Int, rate: Double, mean: Double, seed: UInt64) -> [Double] {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        var sample: [Double] = []
        for _ in 0..<count {
            let ordered: Bool = next() < rate
            let size: Double = 0.2 + 1.6 * next()
            sample.append(ordered ? (mean * size).rounded() : 0)
        }
        return sample
    }

    @Test func welchTTestsMatchSciPyOnTheRawSamples() throws {
        let pairs = [
            (Self.revenueSample(count: 400, rate: 0.1, mean: 60, seed: 1), Self.revenueSample(count: 380, rate: 0.14, mean: 65, seed: 2)),
            (Self.revenueSample(count: 50, rate: 0.3, mean: 40, seed: 3), Self.revenueSample(count: 70, rate: 0.3, mean: 40, seed: 4)),
            (Self.revenueSample(count: 2000, rate: 0.05, mean: 120, seed: 5), Self.revenueSample(count: 2100, rate: 0.07, mean: 110, seed: 6)),
        ]
        let script = """
            import json, sys
            from scipy.stats import ttest_ind
            pairs = json.load(sys.stdin)
            out = []
            for a, b in pairs:
                r = ttest_ind(a, b, equal_var=False)
                out.append([float(r.statistic), float(r.pvalue)])
            print(json.dumps(out))
            """
        let reference = try #require(try PythonReference.run(script, input: pairs.map { [$0.0, $0.1] }) as? [[Double]])
        for ((first, second), expected) in zip(pairs, reference) {
            let result = try #require(ExperimentStatistics.welchTTest(Self.moments(first), Self.moments(second)))
            #expect(abs(result.statistic - expected[0]) < 1e-8)
            #expect(abs(result.pValue - expected[1]) < 1e-8, "p \(result.pValue) against SciPy's \(expected[1])")
        }
    }

    static func moments(_ sample: [Double]) -> ExperimentStatistics.Moments {
        ExperimentStatistics.Moments(count: sample.count, sum: sample.reduce(0, +), sumOfSquares: sample.reduce(0) { $0 + $1 * $1 })
    }

    @Test func theLiftAndItsIntervalMatchTheLogRatioIntervalComputedWithSciPy() throws {
        let rows = Self.proportions.filter { $0[0] > 0 && $0[2] > 0 }.map { [$0[0], $0[1], $0[2], $0[3]] }
        let script = """
            import json, sys, math
            from scipy.stats import norm
            out = []
            for xt, nt, xh, nh in json.load(sys.stdin):
                rr = (xt / nt) / (xh / nh)
                se = math.sqrt(1 / xt - 1 / nt + 1 / xh - 1 / nh)
                z = norm.ppf(0.975)
                out.append([rr - 1, math.exp(math.log(rr) - z * se) - 1, math.exp(math.log(rr) + z * se) - 1])
            print(json.dumps(out))
            """
        let reference = try #require(try PythonReference.run(script, input: rows) as? [[Double]])
        for (row, expected) in zip(rows, reference) {
            let lift = try #require(
                ExperimentStatistics.lift(treatmentConversions: row[0], treatmentEntrants: row[1], holdoutConversions: row[2], holdoutEntrants: row[3]))
            #expect(abs(lift.estimate - expected[0]) < 1e-9)
            #expect(abs(lift.low - expected[1]) < 1e-9)
            #expect(abs(lift.high - expected[2]) < 1e-9)
            #expect(lift.low < lift.estimate && lift.estimate < lift.high)
        }
        #expect(ExperimentStatistics.lift(treatmentConversions: 3, treatmentEntrants: 10, holdoutConversions: 0, holdoutEntrants: 10) == nil)
    }

    @Test func normalQuantileAndStudentTMatchSciPy() throws {
        let script = """
            import json, sys
            from scipy.stats import norm, t
            print(json.dumps([norm.ppf(0.975), norm.ppf(0.9), t.cdf(2.1, 7), t.cdf(-1.3, 35.5), t.cdf(0.4, 2.5)]))
            """
        let reference = try #require(try PythonReference.run(script, input: [Int]()) as? [Double])
        #expect(abs(ExperimentStatistics.normalQuantile(0.975) - reference[0]) < 1e-9)
        #expect(abs(ExperimentStatistics.normalQuantile(0.9) - reference[1]) < 1e-9)
        #expect(abs(ExperimentStatistics.studentTCDF(2.1, df: 7) - reference[2]) < 1e-10)
        #expect(abs(ExperimentStatistics.studentTCDF(-1.3, df: 35.5) - reference[3]) < 1e-10)
        #expect(abs(ExperimentStatistics.studentTCDF(0.4, df: 2.5) - reference[4]) < 1e-10)
    }

    /// The winner decision as SciPy would take it: the leader must beat every other variant at the confidence asked.
    @Test(arguments: [
        ("conversion", 0.95, 100), ("conversion", 0.99, 100), ("click", 0.95, 100), ("revenue", 0.95, 100), ("revenue", 0.8, 100),
        ("conversion", 0.95, 5000),
    ])
    func winnerDecisionsMatchSciPy(metric: String, confidence: Double, minimum: Int) throws {
        let samples = [
            ("a", Self.revenueSample(count: 900, rate: 0.10, mean: 50, seed: 11), 0.20),
            ("b", Self.revenueSample(count: 880, rate: 0.14, mean: 55, seed: 12), 0.26),
            ("c", Self.revenueSample(count: 910, rate: 0.11, mean: 50, seed: 13), 0.21),
        ]
        let outcomes = samples.map { id, revenue, clickRate in
            VariantOutcome(
                id: id, entrants: revenue.count, clickers: Int((Double(revenue.count) * clickRate).rounded()),
                conversions: revenue.filter { $0 > 0 }.count, revenue: Self.moments(revenue))
        }
        let rule = SplitWinnerRule(metric: SplitWinnerRule.Metric(rawValue: metric)!, minPerVariant: minimum, confidence: confidence)
        let input: [String: Any] = [
            "metric": metric, "confidence": confidence, "minimum": minimum,
            "variants": zip(samples, outcomes).map { sample, outcome in
                ["id": outcome.id, "revenue": sample.1, "clickers": outcome.clickers] as [String: Any]
            },
        ]
        let script = """
            import json, sys, math
            from scipy.stats import norm, ttest_ind
            d = json.load(sys.stdin)
            vs = d["variants"]
            def z(x1, n1, x2, n2):
                p = (x1 + x2) / (n1 + n2)
                return 2 * norm.sf(abs((x1 / n1 - x2 / n2) / math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))))
            def value(v):
                n = len(v["revenue"])
                if d["metric"] == "conversion": return sum(1 for r in v["revenue"] if r > 0) / n
                if d["metric"] == "click": return v["clickers"] / n
                return sum(v["revenue"]) / n
            def p(a, b):
                if d["metric"] == "revenue": return float(ttest_ind(a["revenue"], b["revenue"], equal_var=False).pvalue)
                if d["metric"] == "click": return z(a["clickers"], len(a["revenue"]), b["clickers"], len(b["revenue"]))
                conv = lambda v: sum(1 for r in v["revenue"] if r > 0)
                return z(conv(a), len(a["revenue"]), conv(b), len(b["revenue"]))
            if any(len(v["revenue"]) < d["minimum"] for v in vs):
                print(json.dumps({"decision": None})); sys.exit()
            leader = max(vs, key=value)
            worst = max(p(leader, v) for v in vs if v is not leader)
            print(json.dumps({"decision": {"winner": leader["id"], "p": worst} if worst < 1 - d["confidence"] else None}))
            """
        let reference = (try PythonReference.run(script, input: input) as? [String: Any])?["decision"]
        let decision = SplitDecision.decide(rule, outcomes: outcomes)
        if let expected = reference as? [String: Any] {
            let decided = try #require(decision, "SciPy decides \(expected) but Swift does not")
            #expect(decided.winner == expected["winner"] as? String)
            #expect(abs(decided.pValue - (expected["p"] as? Double ?? -1)) < 1e-8)
        } else {
            #expect(decision == nil, "Swift decides \(String(describing: decision?.winner)) but SciPy does not")
        }
    }
}
