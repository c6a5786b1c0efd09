import Foundation
import Scoring
import Testing

@Suite("BG/NBD and Gamma-Gamma on CDNOW")
struct LifetimeModelTests {
    @Test("summaries from the transactions match the published summary (2 decimals, half-up)")
    func summaries() throws {
        let reference = try CDNOWReference()
        let ours = CustomerSummary.summarize(reference.transactions, calibrationEnd: reference.calibrationEnd)
        #expect(ours.count == 2357)
        #expect(ours.map(\.customerID) == reference.publishedSummaries.map(\.customerID))
        for (mine, published) in zip(ours, reference.publishedSummaries) {
            #expect(mine.x == published.x, "customer \(mine.customerID)")
            #expect(abs(mine.tx - published.tx) <= 0.005 + 1e-9, "customer \(mine.customerID) t_x \(mine.tx)")
            #expect(abs(mine.T - published.T) <= 0.005 + 1e-9, "customer \(mine.customerID) T \(mine.T)")
            #expect(abs(mine.averageRepeatAmount - published.averageRepeatAmount) <= 0.005 + 1e-9, "customer \(mine.customerID) zbar")
        }
        #expect(ours.reduce(0) { $0 + $1.x } == 2457)
    }

    @Test("the fit from the transactions gives the published parameters")
    func publishedParameters() throws {
        let reference = try CDNOWReference()
        let summaries = CustomerSummary.summarize(reference.transactions, calibrationEnd: reference.calibrationEnd)
        let bg = try #require(BGNBDFit.fit(summaries))
        #expect(bg.converged)
        for (value, key) in [(bg.parameters.r, "r"), (bg.parameters.alpha, "alpha"), (bg.parameters.a, "a"), (bg.parameters.b, "b")] {
            let published = reference.published("bgnbd", "published_FHL2005", key)
            #expect(abs(value - published) <= 0.0005 + 1e-12, "\(key) = \(value), published \(published)")
        }
        #expect(abs(bg.logLikelihood - reference.published("bgnbd", "published_FHL2005", "log_likelihood")) <= 0.05)
        let gg = try #require(GammaGammaFit.fit(summaries))
        #expect(gg.converged)
        #expect(gg.customerCount == 946)
        for (value, key) in [(gg.parameters.p, "p"), (gg.parameters.q, "q"), (gg.parameters.v, "v")] {
            let published = reference.published("gamma_gamma", "published_FH2013", key)
            #expect(abs(value - published) <= 0.005 + 1e-12, "\(key) = \(value), published \(published)")
        }
    }

    @Test("the fit from the published summary matches the reference implementation and every expected value to 3 decimals")
    func referenceValues() throws {
        let reference = try CDNOWReference()
        let summaries = reference.publishedSummaries
        let bg = try #require(BGNBDFit.fit(summaries))
        let gg = try #require(GammaGammaFit.fit(summaries))
        #expect(abs(bg.parameters.r - reference.number("bgnbd", "r")) < 1e-4)
        #expect(abs(bg.parameters.alpha - reference.number("bgnbd", "alpha")) < 1e-3)
        #expect(abs(bg.parameters.a - reference.number("bgnbd", "a")) < 1e-4)
        #expect(abs(bg.parameters.b - reference.number("bgnbd", "b")) < 1e-3)
        #expect(abs(bg.logLikelihood - reference.number("bgnbd", "log_likelihood")) < 1e-3)
        #expect(abs(gg.parameters.p - reference.number("gamma_gamma", "p")) < 1e-3)
        #expect(abs(gg.parameters.q - reference.number("gamma_gamma", "q")) < 1e-3)
        #expect(abs(gg.parameters.v - reference.number("gamma_gamma", "v")) < 1e-3)
        #expect(abs(gg.logLikelihood - reference.number("gamma_gamma", "log_likelihood")) < 1e-3)
        let published = reference.published("bgnbd", "published_FHL2005", "r")
        let atPublished = BGNBDParameters(r: published, alpha: 4.414, a: 0.793, b: 2.426)
        let total = summaries.reduce(0) { $0 + atPublished.logLikelihood(x: $1.x, tx: $1.tx, T: $1.T) }
        #expect(abs(total - reference.number("bgnbd", "ll_at_published_params")) < 1e-6)
        let byID = Dictionary(uniqueKeysWithValues: summaries.map { ($0.customerID, $0) })
        #expect(reference.expectedCustomers.count == 6)
        for expected in reference.expectedCustomers {
            let s = try #require(byID[expected.id])
            let p = bg.parameters
            #expect(abs(p.probabilityAlive(x: s.x, tx: s.tx, T: s.T) - expected.pAlive) < 5e-4, "customer \(expected.id)")
            #expect(abs(p.expectedPurchases(inNext: 39, x: s.x, tx: s.tx, T: s.T) - expected.expectedPurchases39) < 5e-4, "customer \(expected.id)")
            let spend = try #require(gg.parameters.expectedAverageSpend(x: s.x, averageRepeatAmount: s.averageRepeatAmount))
            #expect(abs(spend - expected.expectedSpend) < 5e-4, "customer \(expected.id)")
        }
        let firstTen = (reference.expected["gamma_gamma"] as? [String: Any])?["cond_mean_first10_at_fitted_params"] as? [Double] ?? []
        #expect(firstTen.count == 10)
        for (s, expected) in zip(summaries, firstTen) {
            let spend = try #require(gg.parameters.expectedAverageSpend(x: s.x, averageRepeatAmount: s.averageRepeatAmount))
            #expect(abs(spend - expected) < 5e-4, "customer \(s.customerID)")
        }
        let populationMean = try #require(gg.parameters.populationMeanSpend)
        #expect(abs(populationMean - reference.number("gamma_gamma", "population_mean_spend")) < 5e-4)
        let unconditional = (reference.expected["bgnbd"] as? [String: Any])?["unconditional_E_X_t"] as? [String: Double] ?? [:]
        #expect(unconditional.count == 7)
        for (t, value) in unconditional {
            let weeks = try #require(Double(t))
            #expect(abs(bg.parameters.expectedPurchasesOfNewCustomer(in: weeks) - value) < 5e-4, "E[X(\(t))]")
        }
    }
}
