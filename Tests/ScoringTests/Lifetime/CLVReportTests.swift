import Foundation
import Scoring
import Testing

@Suite("CLV report")
struct CLVReportTests {
    @Test("CDNOW: published parameters, and every expected per-customer value from the transactions")
    func cdnow() throws {
        let reference = try CDNOWReference()
        let report = CLVReport.make(transactions: reference.transactions, calibrationEnd: reference.calibrationEnd)
        #expect(report.warnings.isEmpty)
        #expect(report.customers.count == 2357)
        let r = try #require(report.bgnbd.r), alpha = try #require(report.bgnbd.alpha)
        let a = try #require(report.bgnbd.a), b = try #require(report.bgnbd.b)
        #expect((round(r * 1000), round(alpha * 1000), round(a * 1000), round(b * 1000)) == (243, 4414, 793, 2426))
        let logLikelihood = try #require(report.bgnbd.logLikelihood)
        #expect(round(logLikelihood * 10) == -95824)
        let p = try #require(report.gammaGamma.p), q = try #require(report.gammaGamma.q), v = try #require(report.gammaGamma.v)
        #expect((round(p * 100), round(q * 100), round(v * 100)) == (625, 374, 1544))
        let byID = Dictionary(uniqueKeysWithValues: report.customers.map { ($0.id, $0) })
        // The expected values were computed from the summary rounded to 2 decimals; from the exact transactions they
        // agree to 3 significant decimals (relative 1e-3).
        for expected in reference.expectedCustomers {
            let customer = try #require(byID[expected.id])
            #expect(customer.x == expected.x)
            #expect(abs(customer.pAlive - expected.pAlive) <= 1e-3 * max(1, expected.pAlive), "customer \(expected.id)")
            #expect(abs(customer.expectedPurchases39w - expected.expectedPurchases39) <= 1e-3 * max(1, expected.expectedPurchases39))
            #expect(abs(customer.expectedSpend - expected.expectedSpend) <= 1e-3 * max(1, expected.expectedSpend))
            #expect(customer.clv > 0 && customer.clv < customer.expectedPurchases39w * customer.expectedSpend)
        }
    }

    @Test("the JSON has exactly the documented keys")
    func jsonShape() throws {
        let reference = try CDNOWReference()
        let report = CLVReport.make(transactions: Array(reference.transactions.prefix(50)), calibrationEnd: reference.calibrationEnd)
        let object = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(report)) as? [String: Any])
        #expect(Set(object.keys) == ["bgnbd", "gammaGamma", "customers", "warnings"])
        #expect(Set((object["bgnbd"] as? [String: Any])?.keys ?? [:].keys) == ["r", "alpha", "a", "b", "logLikelihood"])
        #expect(Set((object["gammaGamma"] as? [String: Any])?.keys ?? [:].keys) == ["p", "q", "v"])
        let first = try #require((object["customers"] as? [[String: Any]])?.first)
        #expect(Set(first.keys) == ["id", "x", "tx", "T", "pAlive", "expectedPurchases39w", "expectedSpend", "clv"])
        #expect(first["id"] as? String == "1")
        let warnings = try #require(object["warnings"] as? [String])
        #expect(warnings.contains { $0.contains("fewer than 200") })
    }

    @Test("the horizon is a parameter")
    func horizon() throws {
        let reference = try CDNOWReference()
        let short = CLVReport.make(transactions: reference.transactions, calibrationEnd: reference.calibrationEnd, horizonWeeks: 13)
        let long = CLVReport.make(transactions: reference.transactions, calibrationEnd: reference.calibrationEnd, horizonWeeks: 78)
        for (s, l) in zip(short.customers, long.customers).prefix(100) {
            #expect(s.expectedPurchases39w < l.expectedPurchases39w)
            #expect(s.clv < l.clv)
        }
    }

    static let day = 86_400.0
    static let end = Date(timeIntervalSince1970: 10_000 * day)
    static func tx(_ id: String, _ dayOffset: Double, _ amount: Double) -> CustomerTransaction {
        CustomerTransaction(customerID: id, date: end.addingTimeInterval(-dayOffset * day), amount: amount)
    }

    static let edgeCases: [(String, [CustomerTransaction], Int)] = [
        ("empty input", [], 0),
        ("one customer, one purchase", [tx("a", 10, 20)], 1),
        ("one customer, repeat purchases", [tx("a", 100, 20), tx("a", 50, 30), tx("a", 5, 25)], 1),
        ("everyone bought once", (0..<300).map { tx("c\($0)", Double($0 % 90), 10) }, 300),
        ("identical dates", (0..<50).flatMap { i in [tx("c\(i)", 3, 10), tx("c\(i)", 3, 5)] }, 50),
        ("all on the calibration day", (0..<20).map { tx("c\($0)", 0, 10) }, 20),
        ("zero amounts", (0..<300).flatMap { i in [tx("c\(i)", 120, 0), tx("c\(i)", Double(i % 60), 0)] }, 300),
        ("negative and non-finite amounts", [tx("a", 30, -10), tx("a", 10, .nan), tx("a", 5, -3), tx("b", 40, .infinity)], 1),
        ("only after the calibration end", [tx("a", -10, 20)], 0),
    ]

    @Test("edge cases never crash and encode to finite JSON", arguments: edgeCases)
    func edgeCase(name: String, transactions: [CustomerTransaction], customers: Int) throws {
        let report = CLVReport.make(transactions: transactions, calibrationEnd: Self.end)
        #expect(report.customers.count == customers, "\(name)")
        #expect(!report.warnings.isEmpty, "\(name) should explain the thin data")
        for c in report.customers {
            let numbers = [c.tx, c.T, c.pAlive, c.expectedPurchases39w, c.expectedSpend, c.clv]
            #expect(numbers.allSatisfy { $0.isFinite }, "\(name)")
            #expect((0...1).contains(c.pAlive))
            #expect(c.expectedPurchases39w >= 0 && c.expectedSpend >= 0 && c.clv >= 0)
        }
        _ = try JSONEncoder().encode(report)
    }

    @Test("summaries with impossible numbers never crash the model")
    func impossibleSummaries() {
        let summaries = [
            CustomerSummary(customerID: "nan", x: 3, tx: .nan, T: .nan, averageRepeatAmount: .nan),
            CustomerSummary(customerID: "huge", x: Int.max / 2, tx: 1e300, T: -1e300, averageRepeatAmount: 1e308),
            CustomerSummary(customerID: "negative", x: -4, tx: -1, T: -2, averageRepeatAmount: -10),
        ]
        let model = LifetimeValueModel.fit(summaries)
        for value in model.predict(summaries, calibrationEnd: Self.end) {
            let numbers = [value.probabilityAlive, value.expectedPurchases, value.expectedAverageSpend, value.clv]
            #expect(numbers.allSatisfy { $0.isFinite }, "\(value.customerID)")
        }
    }

    @Test("thin data falls back to RFM-based estimates")
    func fallback() {
        let transactions = [Self.tx("a", 100, 20), Self.tx("a", 50, 30), Self.tx("a", 5, 25), Self.tx("b", 200, 40)]
        let summaries = CustomerSummary.summarize(transactions, calibrationEnd: Self.end)
        let model = LifetimeValueModel.fit(summaries)
        #expect(model.usesPurchaseFallback)
        let values = model.predict(summaries, calibrationEnd: Self.end)
        #expect(values.map(\.method) == [.rfmFallback, .rfmFallback])
        #expect(values[0].probabilityAlive == 0.9)
        #expect(values[1].probabilityAlive == 0.1)
        #expect(abs(values[0].expectedPurchases - 0.9 * (2 / (100 / 7.0)) * 39) < 1e-9)
        #expect(values[0].expectedAverageSpend == 25)
        #expect(values[0].expectedNextOrderDate != nil)
    }
}
