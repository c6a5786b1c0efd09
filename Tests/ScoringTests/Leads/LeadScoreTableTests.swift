import Foundation
import Scoring
import Testing

/// The scoring table of bant-examples.json and the tier boundaries 75, 50 and 25.
@Suite("BANT score table")
struct LeadScoreTableTests {
    @Test(arguments: [
        (1000.0, LeadCurrency.eur, BudgetPeriod.month, 30), (999.99, .eur, .month, 20), (500, .eur, .month, 20),
        (499, .eur, .month, 10), (300, .eur, .month, 10), (299, .eur, .month, 5), (0, .eur, .month, 5),
        (1000, .usd, .month, 20), (1087, .usd, .month, 30), (300, .usd, .month, 5), (5000, .mad, .month, 10),
        (12_000, .eur, .year, 30), (11_999, .eur, .year, 20), (600, .gbp, .month, 20), (300, .chf, .month, 10),
        (1000, .cad, .month, 20),
    ])
    func budgetPoints(_ amount: Double, _ currency: LeadCurrency, _ period: BudgetPeriod, _ points: Int) {
        let budget = LeadBudget(amount: amount, currency: currency, period: period)
        #expect(LeadScoreTable.budgetPoints(budget, rates: .reference) == points)
    }

    @Test func unstatedFieldsScoreZero() {
        #expect(LeadScoreTable.budgetPoints(nil, rates: .reference) == 0)
        #expect(LeadScoreTable.timelinePoints(nil) == 0)
        #expect(LeadScoreTable.decisionMakerPoints(nil) == 0)
        #expect(LeadScoreTable.fitPoints(false) == 0)
        #expect(LeadScoreTable.engagementPoints(0) == 0)
    }

    @Test func fieldPoints() {
        #expect(LeadTimeline.allCases.map(LeadScoreTable.timelinePoints) == [25, 20, 12, 5])
        #expect(LeadScoreTable.decisionMakerPoints(true) == 20)
        #expect(LeadScoreTable.decisionMakerPoints(false) == 8)
        #expect(LeadScoreTable.fitPoints(true) == 15)
        #expect([0, 5, 10].map(LeadScoreTable.engagementPoints) == [0, 5, 10])
    }

    @Test func ratesAreConfigurable() {
        let budget = LeadBudget(amount: 1000, currency: .usd)
        #expect(LeadScoreTable.budgetPoints(budget, rates: .reference) == 20)
        #expect(LeadScoreTable.budgetPoints(budget, rates: EuroRates([.usd: 1.0])) == 30)
        #expect(LeadQualifier.qualify("Budget 1000 USD", rates: EuroRates([.usd: 0.25])).evidence.budget.points == 5)
    }

    @Test(arguments: [(100, LeadTier.hot), (75, .hot), (74, .warm), (50, .warm), (49, .cool), (25, .cool), (24, .cold), (0, .cold)])
    func tiers(_ score: Int, _ tier: LeadTier) {
        #expect(LeadTier(score: score) == tier)
    }

    /// Whole texts landing on each side of each boundary.
    @Test(arguments: [
        ("I'm the CEO, budget 1200€ a month, we need it asap.", 75, LeadTier.hot),
        ("Gérant d'une boutique Shopify, budget 500€/mois, on commence le mois prochain.", 75, .hot),
        ("Budget 1000€ par mois, boutique Shopify, le mois prochain, je dois valider avec mon associé.", 73, .warm),
        ("Budget 1000€ par mois, on veut démarrer le mois prochain.", 50, .warm),
        ("Budget 500€ par mois, le mois prochain, je dois valider avec mon associé.", 48, .cool),
        ("C'est urgent.", 25, .cool),
        ("Boutique Shopify, mon associé doit valider.", 23, .cold),
    ])
    func boundaries(_ text: String, _ score: Int, _ tier: LeadTier) {
        let result = LeadQualifier.qualify(text)
        #expect(result.score == score)
        #expect(result.tier == tier)
    }
}
