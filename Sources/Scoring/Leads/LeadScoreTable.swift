import Foundation

/// The BANT scoring table of bant-examples.json (weights 30/25/20/15/10 from seed 001).
public enum LeadScoreTable {
    /// Budget, at most 30: the monthly amount in euros ≥ 1000 → 30, ≥ 500 → 20, ≥ 300 → 10, stated but lower → 5,
    /// unstated → 0. A yearly amount is divided by 12 first.
    public static func budgetPoints(_ budget: LeadBudget?, rates: EuroRates) -> Int {
        guard let budget else { return 0 }
        let euros = budget.monthlyEuros(rates: rates)
        let tolerance = 1e-9
        switch euros + tolerance {
        case 1000...: return 30
        case 500...: return 20
        case 300...: return 10
        default: return 5
        }
    }

    /// Timeline, at most 25: immediate 25, month 20, quarter 12, later 5, unstated 0.
    public static func timelinePoints(_ timeline: LeadTimeline?) -> Int {
        switch timeline {
        case .immediate: 25
        case .month: 20
        case .quarter: 12
        case .later: 5
        case nil: 0
        }
    }

    /// Decision maker, at most 20: true 20, false 8, unstated 0.
    public static func decisionMakerPoints(_ decisionMaker: Bool?) -> Int {
        switch decisionMaker {
        case true?: 20
        case false?: 8
        case nil: 0
        }
    }

    /// Fit, at most 15: true 15, false 0.
    public static func fitPoints(_ fit: Bool) -> Int {
        fit ? 15 : 0
    }

    /// Engagement, at most 10: the engagement level itself (0, 5 or 10), clamped to 0...10.
    public static func engagementPoints(_ engagement: Int) -> Int {
        min(max(engagement, 0), 10)
    }

    /// Scores the fields: fills each evidence's points and the budget's conversion detail.
    public static func qualification(of fields: LeadFields, rates: EuroRates) -> LeadQualification {
        var evidence = fields.evidence
        evidence.budget.points = budgetPoints(fields.budget, rates: rates)
        evidence.timeline.points = timelinePoints(fields.timeline)
        evidence.decisionMaker.points = decisionMakerPoints(fields.decisionMaker)
        evidence.fit.points = fitPoints(fields.fit)
        evidence.engagement.points = engagementPoints(fields.engagement)
        if let budget = fields.budget {
            evidence.budget.detail = conversionDetail(budget, rates: rates)
        }
        let score =
            evidence.budget.points + evidence.timeline.points + evidence.decisionMaker.points
            + evidence.fit.points + evidence.engagement.points
        return LeadQualification(
            budget: fields.budget, timeline: fields.timeline, decisionMaker: fields.decisionMaker, fit: fields.fit,
            engagement: engagementPoints(fields.engagement), score: score, tier: LeadTier(score: score), evidence: evidence)
    }

    private static func conversionDetail(_ budget: LeadBudget, rates: EuroRates) -> String {
        let stated = "\(format(budget.amount)) \(budget.currency.rawValue) per \(budget.period.rawValue)"
        return "\(stated) ≈ \(format(budget.monthlyEuros(rates: rates))) EUR per month"
    }

    private static func format(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(format: "%.2f", rounded)
    }
}
