import Foundation
import Scoring
import Testing

@Suite("Churn risk")
struct ChurnRiskModelTests {
    static func signals(
        _ code: Int, days: Double, usual: Double?, orders: (Int, Int) = (0, 0), opens: (Int, Int) = (0, 0),
        clicks: (Int, Int) = (0, 0), tickets: Int = 0
    ) -> ChurnSignals {
        ChurnSignals(
            rfm: RFMScore(recency: code / 100, frequency: code / 10 % 10, monetary: code % 10), daysSinceLastOrder: days,
            usualIntervalDays: usual, ordersRecent: orders.0, ordersPrevious: orders.1, emailOpensRecent: opens.0,
            emailOpensPrevious: opens.1, emailClicksRecent: clicks.0, emailClicksPrevious: clicks.1, supportTicketsRecent: tickets
        )
    }

    @Test(
        "bands",
        arguments: [
            (0.0, ChurnBand.low), (0.299, .low), (0.3, .medium), (0.4999, .medium), (0.5, .high), (0.6999, .high),
            (0.7, .veryHigh), (0.8499, .veryHigh), (0.85, .critical), (1.0, .critical), (Double.nan, .low),
        ])
    func band(risk: Double, expected: ChurnBand) {
        #expect(ChurnBand(risk: risk) == expected)
    }

    /// Expected risks worked out by hand from the documented default weights.
    static let weightedCases: [(ChurnSignals, Double, ChurnBand)] = [
        (signals(555, days: 10, usual: 30, orders: (6, 5)), 0.0, ChurnBand.low),
        (signals(555, days: 140, usual: 40), 0.30, .medium),
        (signals(355, days: 80, usual: 40, orders: (1, 4)), 0.10 + 0.15 + 0.15 * 0.75, .medium),
        (signals(111, days: 400, usual: 30, orders: (0, 4), opens: (0, 10), clicks: (0, 5), tickets: 5), 1.0, .critical),
        (
            signals(211, days: 100, usual: 50, orders: (2, 4), opens: (2, 4), clicks: (1, 4), tickets: 1),
            0.15 + 0.1 + 0.05 + 0.15 + 0.06 + 0.05, .high
        ),
        (signals(311, days: 180, usual: nil), 0.10 + 0.10 + 0.05 + 0.15, .medium),
        (signals(511, days: 3, usual: nil), 0.10 + 0.05, .low),
        (signals(122, days: 250, usual: 100, orders: (0, 1), tickets: 1), 0.2 + 0.075 + 0.0375 + 0.225 + 0.15 + 0.05, .veryHigh),
    ]

    @Test("weighted signals", arguments: weightedCases)
    func weighted(signals: ChurnSignals, expected: Double, band: ChurnBand) {
        let risk = ChurnRiskModel().assess(signals)
        #expect(abs(risk.score - expected) < 1e-9, "\(risk.explanation)")
        #expect(risk.band == band)
        #expect(risk.factors.map(\.contribution) == risk.factors.map(\.contribution).sorted(by: >))
        if expected < 1 { #expect(abs(risk.factors.reduce(0) { $0 + $1.contribution } - risk.score) < 1e-9) }
    }

    @Test("the explanation gives the numbers, in English and French")
    func explanation() throws {
        let signals = Self.signals(455, days: 140, usual: 40, orders: (1, 4), tickets: 1)
        let english = ChurnRiskModel().assess(signals, locale: .english)
        #expect(english.explanation.first == "No order for 140 days, 3.5× the usual 40-day interval (+0.30)")
        #expect(english.explanation.contains("Orders down 75%: 1 in the last 180 days against 4 in the 180 before (+0.11)"))
        #expect(english.explanation.contains("1 recent support ticket (+0.05)"))
        #expect(english.explanation.contains("Recency score 4/5 (+0.05)"))
        let french = ChurnRiskModel().assess(signals, locale: .french)
        #expect(french.explanation.first == "Aucune commande depuis 140 jours, soit 3,5× l'intervalle habituel de 40 jours (+0,30)")
        #expect(french.explanation.contains("Commandes en baisse de 75 % : 1 sur les 180 derniers jours contre 4 sur les 180 précédents (+0,11)"))
        let single = ChurnRiskModel().assess(Self.signals(311, days: 120, usual: nil), locale: .english)
        #expect(single.factors.contains { $0.kind == .overdueSingleOrder })
        #expect(single.explanation.contains { $0.hasPrefix("A single order, 120 days ago") })
        let json = try #require(String(data: JSONEncoder().encode(english), encoding: .utf8))
        #expect(json.contains("\"explanation\""))
        #expect(try JSONDecoder().decode(ChurnRisk.self, from: JSONEncoder().encode(english)) == english)
    }

    @Test("a decline of exactly 50% is not a signal; above is")
    func declineThreshold() {
        let model = ChurnRiskModel()
        #expect(!model.assess(Self.signals(555, days: 1, usual: 30, orders: (2, 4))).factors.contains { $0.kind == .orderDecline })
        #expect(model.assess(Self.signals(555, days: 1, usual: 30, orders: (1, 4))).factors.contains { $0.kind == .orderDecline })
        #expect(!model.assess(Self.signals(555, days: 1, usual: 30, orders: (1, 0))).factors.contains { $0.kind == .orderDecline })
    }

    @Test("bad numbers stay in [0, 1]")
    func robustness() {
        let model = ChurnRiskModel()
        for signals in [
            Self.signals(111, days: .infinity, usual: nil), Self.signals(111, days: .nan, usual: .nan),
            Self.signals(555, days: -5, usual: 0, orders: (-1, 3), tickets: -2), Self.signals(111, days: 1e300, usual: 1e-300),
        ] {
            let risk = model.assess(signals)
            #expect(risk.score >= 0 && risk.score <= 1 && risk.score.isFinite)
            #expect(risk.explanation.count == risk.factors.count)
        }
        let batch = model.assess([Self.signals(555, days: 140, usual: 40), Self.signals(111, days: 400, usual: nil)], locale: .french)
        let singles = [model.assess(Self.signals(555, days: 140, usual: 40)), model.assess(Self.signals(111, days: 400, usual: nil))]
        #expect(batch.map(\.score) == singles.map(\.score))
    }

    @Test("order history from dates")
    func orderHistory() throws {
        let now = try #require(TransactionCSV.parseDay("2026-06-30"))
        let dates = try ["2025-06-01", "2025-08-01", "2025-10-01", "2026-01-15", "2026-01-15", "2026-03-01", "2026-07-04"].map {
            try #require(TransactionCSV.parseDay($0))
        }
        let history = ChurnSignals.orderHistory(orderDates: dates, now: now)
        #expect(history.daysSinceLastOrder == 121)
        #expect(history.usualIntervalDays == 61)
        #expect(history.ordersRecent == 3)
        #expect(history.ordersPrevious == 2)
        let single = ChurnSignals.orderHistory(orderDates: [dates[0]], now: now)
        #expect(single.usualIntervalDays == nil)
        #expect(ChurnSignals.orderHistory(orderDates: [], now: now).daysSinceLastOrder == .infinity)
    }

    @Test(
        "crossing the alert threshold",
        arguments: [
            (Double?.none, 0.72, true), (0.65, 0.71, true), (0.75, 0.8, false), (0.5, 0.69, false), (0.7, 0.9, false),
        ])
    func crossing(previous: Double?, current: Double, expected: Bool) {
        #expect(ChurnBand.crossesAlert(from: previous, to: current) == expected)
    }
}
