import Foundation
import Scoring
import Testing

@Suite("Quantile RFM reproduces the R rfm package")
struct QuantileRFMTests {
    @Test("all 995 customers of rfm_orders.csv score as rfm_expected.csv")
    func everyCustomer() throws {
        let transactions = try TransactionCSV.parse(ReferenceData.text("rfm_orders.csv"))
        #expect(transactions.count == 4906)
        let analysisDate = try #require(TransactionCSV.parseDay("2006-12-31"))
        let customers = RFMCustomer.summarize(transactions, analysisDate: analysisDate)
        let scores = QuantileRFM.scores(customers.map(\.measures))
        let computed = Dictionary(uniqueKeysWithValues: zip(customers, scores).map { ($0.0.customerID, ($0.0.measures, $0.1)) })
        let expected = try ReferenceData.csvRows("rfm_expected.csv")
        #expect(expected.count == 995)
        #expect(customers.count == 995)
        var agreeing = 0
        for row in expected {
            let id = try #require(row["customer_id"])
            let (measures, score) = try #require(computed[id], "customer \(id) missing")
            let same =
                measures.orderCount == Int(row["transaction_count"] ?? "")
                && measures.recencyDays == Double(row["recency_days"] ?? "")
                && measures.totalSpent == Double(row["amount"] ?? "")
                && score.recency == Int(row["recency_score"] ?? "")
                && score.frequency == Int(row["frequency_score"] ?? "")
                && score.monetary == Int(row["monetary_score"] ?? "")
                && score.code == Int(row["rfm_score"] ?? "")
            #expect(same, "customer \(id): \(measures) \(score.code) vs \(row)")
            if same { agreeing += 1 }
        }
        #expect(agreeing == 995)
    }

    @Test(
        "type-7 quantiles",
        arguments: [
            ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5), ([1.0, 2.0, 3.0, 4.0, 5.0], 0.2, 1.8), ([7.0], 0.8, 7.0), ([0.0, 10.0], 0.25, 2.5),
        ])
    func quantile(values: [Double], p: Double, expected: Double) throws {
        let q = try #require(QuantileRFM.quantile(sorted: values, p))
        #expect(abs(q - expected) < 1e-12)
    }

    @Test("breaks found by selection equal the sorted type-7 quantiles + 1", arguments: [1, 2, 5, 25, 26, 1_000, 20_001])
    func breaksMatchSortedQuantiles(count: Int) throws {
        var state: UInt64 = 42 &+ UInt64(count)
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let population = (0..<count).map { _ in
            RFMMeasures(recencyDays: Double(next(400)), orderCount: 1 + next(12), totalSpent: Double(next(100_000)) / 100)
        }
        let quantile = QuantileRFM(population: population)
        for (breaks, values) in [
            (quantile.recencyBreaks, population.map(\.recencyDays)), (quantile.frequencyBreaks, population.map { Double($0.orderCount) }),
            (quantile.monetaryBreaks, population.map(\.totalSpent)),
        ] {
            let sorted = values.sorted()
            let expected = try (1...4).map { try #require(QuantileRFM.quantile(sorted: sorted, Double($0) / 5)) + 1 }
            #expect(breaks.count == 4)
            for (found, wanted) in zip(breaks, expected) { #expect(abs(found - wanted) <= 1e-9 * max(1, abs(wanted))) }
        }
    }

    @Test("empty and single-customer populations do not crash")
    func edges() {
        #expect(QuantileRFM.scores([]).isEmpty)
        let one = QuantileRFM.scores([RFMMeasures(recencyDays: 3, orderCount: 1, totalSpent: 10)])
        #expect(one.count == 1)
        let stored = QuantileRFM(population: [])
        #expect(stored.score(RFMMeasures(recencyDays: 3, orderCount: 1, totalSpent: 10)).code == 511)
    }
}
