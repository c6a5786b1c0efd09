import Foundation
import Scoring
import Testing

@Suite("Fixed-threshold RFM (seed 001)")
struct RFMThresholdsTests {
    @Test(
        "recency bands",
        arguments: [
            (0.0, 5), (29.0, 5), (29.9, 5), (30.0, 4), (59.0, 4), (60.0, 3), (89.0, 3), (90.0, 2), (179.0, 2), (180.0, 1), (365.0, 1),
            (Double.infinity, 1), (Double.nan, 1),
        ])
    func recency(days: Double, expected: Int) {
        #expect(RFMThresholds.standard.recencyScore(days: days) == expected)
    }

    @Test(
        "frequency bands",
        arguments: [
            (0, 1), (1, 1), (2, 2), (3, 3), (5, 3), (6, 4), (10, 4), (11, 5), (250, 5),
        ])
    func frequency(orders: Int, expected: Int) {
        #expect(RFMThresholds.standard.frequencyScore(orders: orders) == expected)
    }

    @Test(
        "monetary bands",
        arguments: [
            (0.0, 1), (99.99, 1), (100.0, 2), (199.99, 2), (200.0, 3), (499.99, 3), (500.0, 4), (1000.0, 4), (1000.01, 5), (-5.0, 1),
            (Double.nan, 1),
        ])
    func monetary(spent: Double, expected: Int) {
        #expect(RFMThresholds.standard.monetaryScore(spent: spent) == expected)
    }

    @Test("a whole customer, and a tenant's own thresholds")
    func customer() throws {
        let measures = RFMMeasures(recencyDays: 12, orderCount: 14, totalSpent: 1500)
        #expect(RFMThresholds.standard.score(measures).code == 555)
        #expect(RFMThresholds.standard.scores([measures, RFMMeasures(recencyDays: 400, orderCount: 1, totalSpent: 20)]).map(\.code) == [555, 111])
        let custom = RFMThresholds(monetary: .init(excellent: 5000, good: 2000, average: 800, poor: 300))
        #expect(custom.score(measures).code == 553)
        let decoded = try JSONDecoder().decode(RFMThresholds.self, from: JSONEncoder().encode(custom))
        #expect(decoded == custom)
    }

    @Test("large batches keep input order (the parallel path)")
    func largeBatch() {
        let measures = (0..<120_000).map { RFMMeasures(recencyDays: Double($0 % 400), orderCount: $0 % 13, totalSpent: Double($0 % 1_500)) }
        let batch = RFMThresholds.standard.scores(measures)
        #expect(batch == measures.map { RFMThresholds.standard.score($0) })
        let quantile = QuantileRFM(population: measures)
        #expect(quantile.scores(measures) == measures.map { quantile.score($0) })
    }
}
