public import Foundation

/// The lifetime-value report that `autopilot clv --json` prints:
/// `{"bgnbd": {"r", "alpha", "a", "b", "logLikelihood"}, "gammaGamma": {"p", "q", "v"},
///   "customers": [{"id", "x", "tx", "T", "pAlive", "expectedPurchases39w", "expectedSpend", "clv"}], "warnings": [...]}`.
/// Parameters are `null` when no fit was possible; `expectedPurchases39w` uses the report's horizon (39 weeks by default).
public struct CLVReport: Codable, Sendable, Hashable {
    /// The BG/NBD parameters and log-likelihood.
    public struct BGNBD: Codable, Sendable, Hashable {
        public var r: Double?
        public var alpha: Double?
        public var a: Double?
        public var b: Double?
        public var logLikelihood: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(r, forKey: .r)
            try container.encode(alpha, forKey: .alpha)
            try container.encode(a, forKey: .a)
            try container.encode(b, forKey: .b)
            try container.encode(logLikelihood, forKey: .logLikelihood)
        }
    }

    /// The Gamma-Gamma parameters (`v` is γ).
    public struct GammaGamma: Codable, Sendable, Hashable {
        public var p: Double?
        public var q: Double?
        public var v: Double?

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(p, forKey: .p)
            try container.encode(q, forKey: .q)
            try container.encode(v, forKey: .v)
        }
    }

    /// One customer's line.
    public struct Customer: Codable, Sendable, Hashable {
        public var id: String
        public var x: Int
        public var tx: Double
        public var T: Double
        public var pAlive: Double
        public var expectedPurchases39w: Double
        public var expectedSpend: Double
        public var clv: Double
    }

    public var bgnbd: BGNBD
    public var gammaGamma: GammaGamma
    public var customers: [Customer]
    public var warnings: [String]

    /// Summarizes the transactions up to `calibrationEnd`, fits BG/NBD and Gamma-Gamma, and predicts every customer
    /// over `horizonWeeks` (see `LifetimeValueModel` for the fallback on thin data). Never fails: problems become warnings.
    public static func make(
        transactions: [CustomerTransaction], calibrationEnd: Date, horizonWeeks: Double = 39, annualDiscountRate: Double = 0.10
    ) -> CLVReport {
        let settings = LifetimeValueSettings(horizonWeeks: horizonWeeks, annualDiscountRate: annualDiscountRate)
        var warnings: [String] = []
        let skipped = transactions.count { !$0.amount.isFinite }
        if skipped > 0 { warnings.append("\(skipped) transaction(s) with a non-finite amount were skipped.") }
        if !horizonWeeks.isFinite || horizonWeeks < 0 { warnings.append("horizonWeeks must be a number ≥ 0; 0 was used.") }
        let summaries = CustomerSummary.summarize(transactions, calibrationEnd: calibrationEnd)
        let model = LifetimeValueModel.fit(summaries, settings: settings)
        warnings += model.warnings
        let values = model.predict(summaries, calibrationEnd: calibrationEnd)
        let bg = model.bgnbd
        let gg = model.gammaGamma
        return CLVReport(
            bgnbd: BGNBD(
                r: bg?.parameters.r, alpha: bg?.parameters.alpha, a: bg?.parameters.a, b: bg?.parameters.b, logLikelihood: bg?.logLikelihood
            ),
            gammaGamma: GammaGamma(p: gg?.parameters.p, q: gg?.parameters.q, v: gg?.parameters.v),
            customers: values.map { value in
                Customer(
                    id: value.customerID, x: value.x, tx: value.tx, T: value.T, pAlive: value.probabilityAlive,
                    expectedPurchases39w: value.expectedPurchases, expectedSpend: value.expectedAverageSpend, clv: value.clv
                )
            },
            warnings: warnings
        )
    }
}
