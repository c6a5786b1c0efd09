import Foundation

/// Deterministic synthetic customers for benchmarks, drawn from the models themselves.
public enum SyntheticCustomers {
    /// Customers whose purchases follow a BG/NBD process (true parameters near CDNOW's) with Gamma-Gamma spend, first
    /// purchases spread over the first 39 weeks and a calibration end after 39 weeks; purchase times are whole days.
    public static func summaries(count: Int, seed: UInt64) -> [CustomerSummary] {
        var random = SeededGenerator(seed: seed)
        let (r, alpha, a, b) = (0.25, 4.5, 0.8, 2.5)
        let (p, q, gamma) = (6.0, 3.8, 15.0)
        let calibrationDays = 273
        var result: [CustomerSummary] = []
        result.reserveCapacity(max(count, 0))
        for i in 0..<max(count, 0) {
            let rate = random.gamma(shape: r) / alpha / 7
            let dropout = {
                let g = random.gamma(shape: a); return g / (g + random.gamma(shape: b))
            }()
            let scale = random.gamma(shape: q) / gamma
            let ageDays = Int(random.unit() * 91) + calibrationDays - 91
            var time = 0.0, lastDay = 0, days = 0, repeatTotal = 0.0
            while rate > 0 {
                time += random.exponential(rate: rate)
                guard time <= Double(ageDays) else { break }
                let day = Int(time)
                if day != lastDay {
                    days += 1
                    lastDay = day
                    repeatTotal += random.gamma(shape: p) / scale
                }
                if random.unit() < dropout { break }
            }
            let first = random.gamma(shape: p) / scale
            let zbar = days > 0 ? repeatTotal / Double(days) : 0
            var summary = CustomerSummary(
                customerID: String(i), x: days, tx: Double(lastDay) / 7, T: Double(ageDays) / 7, averageRepeatAmount: zbar,
                averageOrderAmount: (repeatTotal + first) / Double(days + 1)
            )
            summary.daysSinceLastPurchase = ageDays - lastDay
            result.append(summary)
        }
        return result
    }

    /// Churn signals with varied RFM measures, order history, e-mail engagement and support tickets.
    public static func churnInputs(count: Int, seed: UInt64) -> [(measures: RFMMeasures, usualIntervalDays: Double?, signals: ChurnSignals)] {
        var random = SeededGenerator(seed: seed)
        var result: [(measures: RFMMeasures, usualIntervalDays: Double?, signals: ChurnSignals)] = []
        result.reserveCapacity(max(count, 0))
        for _ in 0..<max(count, 0) {
            let orders = 1 + Int(random.exponential(rate: 0.25))
            let usual: Double? = orders > 1 ? 10 + random.unit() * 110 : nil
            let days = (random.exponential(rate: 1 / 90)).rounded()
            let measures = RFMMeasures(recencyDays: days, orderCount: orders, totalSpent: Double(orders) * (20 + random.unit() * 120))
            let recent = Int(random.unit() * 4), previous = Int(random.unit() * 5)
            let signals = ChurnSignals(
                rfm: RFMScore(recency: 1, frequency: 1, monetary: 1), daysSinceLastOrder: days, usualIntervalDays: usual,
                ordersRecent: recent, ordersPrevious: previous, emailOpensRecent: Int(random.unit() * 6),
                emailOpensPrevious: Int(random.unit() * 6), emailClicksRecent: Int(random.unit() * 3),
                emailClicksPrevious: Int(random.unit() * 3), supportTicketsRecent: random.unit() < 0.05 ? 1 : 0
            )
            result.append((measures, usual, signals))
        }
        return result
    }
}
