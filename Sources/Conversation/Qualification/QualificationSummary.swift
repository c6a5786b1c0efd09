import Scoring

/// A few plain lines on a finished (or interrupted) qualification, for the team and the CRM note, in the visitor's
/// language: need, tools, timeline, decision, budget, score and tier. A declined field says so; an unknown one too.
enum QualificationSummary {
    static func text(state: QualificationState, qualification: LeadQualification) -> String {
        let french = state.language == .french
        func value(_ field: QualificationField, _ known: String?) -> String {
            if let known { return known }
            if state.declined.contains(field) { return french ? "non communiqué" : "not given" }
            return french ? "inconnu" : "unknown"
        }
        let budget = qualification.budget.map { "\(amount($0.amount)) \($0.currency.rawValue) \(period($0.period, french))" }
        let decides = qualification.decisionMaker.map { $0 ? (french ? "oui" : "yes") : (french ? "non, à valider" : "no, needs approval") }
        let lines = [
            (french ? "Besoin" : "Need", value(.need, state.need)),
            (french ? "Outils actuels" : "Current tools", value(.currentTools, state.currentTools)),
            (french ? "Délai" : "Timeline", value(.timeline, qualification.timeline.map { timeline($0, french) })),
            (french ? "Décideur" : "Decision maker", value(.authority, decides)),
            ("Budget", value(.budget, budget)),
            ("Score", "\(qualification.score)/100 (\(tier(qualification.tier, french)))"),
        ]
        let separator = french ? " : " : ": "
        return lines.map { $0.0 + separator + $0.1 }.joined(separator: "\n")
    }

    private static func amount(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int64(value)) : String(value)
    }

    private static func period(_ period: BudgetPeriod, _ french: Bool) -> String {
        switch period {
        case .month: french ? "par mois" : "per month"
        case .year: french ? "par an" : "per year"
        }
    }

    private static func timeline(_ timeline: LeadTimeline, _ french: Bool) -> String {
        switch timeline {
        case .immediate: french ? "tout de suite" : "right away"
        case .month: french ? "dans le mois" : "within a month"
        case .quarter: french ? "dans le trimestre" : "within three months"
        case .later: french ? "plus tard" : "later"
        }
    }

    private static func tier(_ tier: LeadTier, _ french: Bool) -> String {
        switch tier {
        case .hot: french ? "chaud" : "hot"
        case .warm: french ? "tiède" : "warm"
        case .cool: french ? "frais" : "cool"
        case .cold: french ? "froid" : "cold"
        }
    }
}
