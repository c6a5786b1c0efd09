/// Churn risk as a weighted sum of signals (see `ChurnWeights` and docs/scoring.md), clamped to [0, 1].
public struct ChurnRiskModel: Codable, Sendable, Hashable {
    /// The weights in use.
    public var weights: ChurnWeights

    /// Creates a model; the default weights are the documented ones.
    public init(weights: ChurnWeights = .standard) {
        self.weights = weights
    }

    /// The risk of many customers, in input order.
    public func assess(_ signals: [ChurnSignals], locale: ScoringLocale = .english) -> [ChurnRisk] {
        BatchMap.map(signals) { assess($0, locale: locale) }
    }

    /// The risk of one customer, with its explanation in `locale`.
    public func assess(_ signals: ChurnSignals, locale: ScoringLocale = .english) -> ChurnRisk {
        var factors: [ChurnFactor] = []
        factors.reserveCapacity(6)
        let rfm = signals.rfm
        Self.add(Self.scoreFactor(.recencyScore, rfm.recency, weights.recencyScore), to: &factors)
        Self.add(Self.scoreFactor(.frequencyScore, rfm.frequency, weights.frequencyScore), to: &factors)
        Self.add(Self.scoreFactor(.monetaryScore, rfm.monetary, weights.monetaryScore), to: &factors)
        let days = signals.daysSinceLastOrder.isNaN ? 0 : max(signals.daysSinceLastOrder, 0)
        let usual = signals.usualIntervalDays.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let reference = usual ?? weights.singleOrderReferenceDays
        if reference > 0 {
            let ratio = days / reference
            let kind: ChurnFactor.Kind = usual == nil ? .overdueSingleOrder : .overdue
            let contribution = weights.overdue * Self.overdueShare(ratio)
            Self.add(ChurnFactor(kind: kind, value: days, reference: reference, ratio: ratio, contribution: contribution), to: &factors)
        }
        addDecline(.orderDecline, signals.ordersRecent, signals.ordersPrevious, weights.orderDecline, into: &factors)
        addDecline(.emailOpenDecline, signals.emailOpensRecent, signals.emailOpensPrevious, weights.emailOpenDecline, into: &factors)
        addDecline(.emailClickDecline, signals.emailClicksRecent, signals.emailClicksPrevious, weights.emailClickDecline, into: &factors)
        let tickets = max(signals.supportTicketsRecent, 0)
        let ticketContribution = weights.supportTicket * Double(min(tickets, weights.supportTicketCap))
        Self.add(ChurnFactor(kind: .supportTickets, value: Double(tickets), contribution: ticketContribution), to: &factors)
        var total = 0.0
        for i in factors.indices {
            total += factors[i].contribution
            var j = i
            while j > 0, factors[j - 1].contribution < factors[j].contribution {
                factors.swapAt(j - 1, j)
                j -= 1
            }
        }
        let score = min(max(total, 0), 1)
        return ChurnRisk(score: score, band: ChurnBand(risk: score), factors: factors, locale: locale)
    }

    /// The share of the overdue weight for a ratio of days since the last order to the usual interval: 0 up to 1×,
    /// rising linearly to 1 at 3×.
    static func overdueShare(_ ratio: Double) -> Double {
        guard ratio.isFinite else { return ratio > 0 ? 1 : 0 }
        return min(max((ratio - 1) / 2, 0), 1)
    }

    private static func scoreFactor(_ kind: ChurnFactor.Kind, _ score: Int, _ weight: Double) -> ChurnFactor {
        ChurnFactor(kind: kind, value: Double(score), contribution: weight * Double(5 - score) / 4)
    }

    private static func add(_ factor: ChurnFactor, to factors: inout [ChurnFactor]) {
        if factor.contribution > 0, factor.contribution.isFinite { factors.append(factor) }
    }

    private func addDecline(
        _ kind: ChurnFactor.Kind, _ recent: Int, _ previous: Int, _ weight: Double, into factors: inout [ChurnFactor]
    ) {
        guard previous > 0 else { return }
        let decline = 1 - Double(max(recent, 0)) / Double(previous)
        guard decline > weights.declineThreshold else { return }
        let factor = ChurnFactor(
            kind: kind, value: Double(max(recent, 0)), reference: Double(previous), ratio: decline, contribution: weight * decline
        )
        Self.add(factor, to: &factors)
    }
}
