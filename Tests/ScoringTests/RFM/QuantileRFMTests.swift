import Foundation
import Testing
import Scoring

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
            let same = measures.orderCount == Int(row["transaction_count"] ?? "")
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

    @Test("type-7 quantiles", arguments: [
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5), ([1.0, 2.0, 3.0, 4.0, 5.0], 0.2, 1.8), ([7.0], 0.8, 7.0), ([0.0, 10.0], 0.25, 2.5),
    ])
    func quantile(values: [Double], p: Double, expected: Double) throws {
        let q = try #require(QuantileRFM.quantile(sorted: values, p))
        #expect(abs(q - expected) < 1e-12)
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
