import Foundation

/// Qualifies a lead from its free text (French, English or both) with offline rules, and optionally a model refinement.
///
/// ```swift
/// let result = LeadQualifier.qualify("Fondatrice d'une boutique Shopify, budget 800€/mois, on démarre cette semaine")
/// result.tier  // .hot
/// ```
public struct LeadQualifier: Sendable {
    /// Rates used to convert budgets to euros for scoring.
    public var rates: EuroRates
    /// The currency of a budget written without one ("budget de 500 par mois").
    public var defaultCurrency: LeadCurrency
    /// The date month and quarter names are read against ("d'ici fin mars", "Q3", "à la rentrée"); when nil they
    /// are not read. Pass the clock's now; the rules never read the system clock.
    public var now: Date?
    /// The calendar for `now` (Gregorian, UTC by default).
    public var calendar: Calendar

    public init(rates: EuroRates = .reference, defaultCurrency: LeadCurrency = .eur, now: Date? = nil, calendar: Calendar? = nil) {
        self.rates = rates
        self.defaultCurrency = defaultCurrency
        self.now = now
        self.calendar = calendar ?? Self.utcGregorian
    }

    private static let utcGregorian: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar
    }()

    /// Reads the BANT fields and their evidence from `text` with the offline rules. Never fails: text with nothing
    /// to read gives empty fields.
    public func fields(from text: String) -> LeadFields {
        let analysis = LeadTextAnalysis(text)
        var fields = LeadFields()
        if let budget = analysis.readBudget(defaultCurrency: defaultCurrency) {
            fields.budget = budget.budget
            fields.evidence.budget = analysis.text.evidence(start: budget.start, end: budget.end, rule: budget.rule)
        }
        if let (timeline, evidence) = analysis.readTimeline(dates: now.map { LeadDateContext(now: $0, calendar: calendar) }) {
            fields.timeline = timeline
            fields.evidence.timeline = evidence
        }
        if let (decisionMaker, evidence) = analysis.readDecisionMaker() {
            fields.decisionMaker = decisionMaker
            fields.evidence.decisionMaker = evidence
        }
        if let evidence = analysis.readFit() {
            fields.fit = true
            fields.evidence.fit = evidence
        }
        if let (engagement, evidence) = analysis.readEngagement() {
            fields.engagement = engagement
            fields.evidence.engagement = evidence
        }
        return fields
    }

    /// Qualifies `text` with the offline rules: fields, score and tier.
    public func qualify(_ text: String) -> LeadQualification {
        LeadScoreTable.qualification(of: fields(from: text), rates: rates)
    }

    /// Qualifies `text` with the rules, then lets `refiner` fill what the rules could not read (see
    /// `LeadFields.merging(_:text:)`). When the refiner fails, the rules' qualification is returned unchanged.
    public func qualify(_ text: String, refiner: any LeadRefiner) async -> LeadQualification {
        let rules = fields(from: text)
        guard let refinement = try? await refiner.refine(text, rules: rules) else {
            return LeadScoreTable.qualification(of: rules, rates: rates)
        }
        return LeadScoreTable.qualification(of: rules.merging(refinement, text: text), rates: rates)
    }

    /// Qualifies `text` with the offline rules and the given rates.
    public static func qualify(_ text: String, rates: EuroRates = .reference, defaultCurrency: LeadCurrency = .eur)
        -> LeadQualification
    {
        LeadQualifier(rates: rates, defaultCurrency: defaultCurrency).qualify(text)
    }
}
