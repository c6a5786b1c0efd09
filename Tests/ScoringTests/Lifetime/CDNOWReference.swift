import Foundation
import Scoring

/// The CDNOW reference data: transactions, the published summary, and bgnbd_expected.json.
struct CDNOWReference {
    struct ExpectedCustomer {
        var id: String
        var x: Int
        var pAlive: Double
        var expectedPurchases39: Double
        var expectedSpend: Double
    }

    var transactions: [CustomerTransaction]
    var calibrationEnd: Date
    var publishedSummaries: [CustomerSummary]
    var expected: [String: Any]
    var expectedCustomers: [ExpectedCustomer]

    init() throws {
        transactions = try TransactionCSV.parse(ReferenceData.text("cdnow_sample_transactions.csv"))
        calibrationEnd = TransactionCSV.parseDay("1997-09-30") ?? Date(timeIntervalSince1970: 0)
        publishedSummaries = try ReferenceData.csvRows("cdnow_customers_summary_with_transactions.csv").map { row in
            CustomerSummary(
                customerID: row["ID"] ?? "", x: Int(row["x"] ?? "") ?? -1, tx: Double(row["t_x"] ?? "") ?? .nan,
                T: Double(row["T"] ?? "") ?? .nan, averageRepeatAmount: Double(row["zbar"] ?? "") ?? .nan
            )
        }
        expected = try ReferenceData.json("bgnbd_expected.json")
        expectedCustomers = (expected["customers"] as? [[String: Any]] ?? []).map { c in
            ExpectedCustomer(
                id: String(c["ID"] as? Int ?? -1), x: Int(c["x"] as? Double ?? -1), pAlive: c["p_alive"] as? Double ?? .nan,
                expectedPurchases39: c["cond_exp_purchases_t39"] as? Double ?? .nan, expectedSpend: c["gg_cond_mean_spend"] as? Double ?? .nan
            )
        }
    }

    func number(_ section: String, _ key: String) -> Double {
        ((expected[section] as? [String: Any])?[key] as? Double) ?? .nan
    }

    func published(_ section: String, _ group: String, _ key: String) -> Double {
        (((expected[section] as? [String: Any])?[group] as? [String: Any])?[key] as? Double) ?? .nan
    }
}
