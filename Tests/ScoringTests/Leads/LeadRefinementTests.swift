import Foundation
import Scoring
import Testing

/// The refinement interface: a fake model fills what the rules missed; rules with explicit evidence win conflicts.
@Suite("BANT model refinement")
struct LeadRefinementTests {
    struct FakeRefiner: LeadRefiner {
        let refinement: LeadRefinement
        func refine(_ text: String, rules: LeadFields) async throws -> LeadRefinement { refinement }
    }

    struct FailingRefiner: LeadRefiner {
        struct Failure: Error {}
        func refine(_ text: String, rules: LeadFields) async throws -> LeadRefinement { throw Failure() }
    }

    @Test func modelFillsMissingFieldsAndRulesWinConflicts() async {
        let text = "Fondatrice d'une marque de bougies. Budget 800€/mois. On aimerait lancer pour la rentrée."
        let refinement = LeadRefinement(
            budget: ModelFinding(LeadBudget(amount: 2000, currency: .usd), quote: "Budget 800€/mois"),
            timeline: ModelFinding(.quarter, quote: "pour la rentrée"),
            decisionMaker: ModelFinding(false),
            fit: ModelFinding(true, quote: "marque de bougies"),
            model: "fake")
        let result = await LeadQualifier().qualify(text, refiner: FakeRefiner(refinement: refinement))
        #expect(result.budget == LeadBudget(amount: 800, currency: .eur))
        #expect(result.evidence.budget.source == .rules)
        #expect(result.decisionMaker == true)
        #expect(result.evidence.decisionMaker.source == .rules)
        #expect(result.timeline == .quarter)
        #expect(result.evidence.timeline.source == .model)
        #expect(result.evidence.timeline.rule == "model:fake")
        #expect(result.evidence.timeline.text == "pour la rentrée")
        let range = result.evidence.timeline.range
        #expect(range.flatMap { $0.range(in: text) }.map { String(text[$0]) } == "pour la rentrée")
        #expect(result.fit == true)
        #expect(result.evidence.fit.source == .model)
        #expect(result.score == 20 + 12 + 20 + 15 + 0)
        #expect(result.tier == .warm)
    }

    @Test func mergeIsPureAndKeepsUnstatedFields() {
        let rules = LeadQualifier().fields(from: "Just browsing")
        let merged = rules.merging(LeadRefinement(engagement: ModelFinding(7, quote: "not in the text")), text: "Just browsing")
        #expect(merged.engagement == 5)
        #expect(merged.evidence.engagement.source == .model)
        #expect(merged.evidence.engagement.range == nil)
        #expect(merged.budget == nil && merged.timeline == nil && merged.decisionMaker == nil)
        #expect(merged.evidence.budget.source == .rules)
        #expect(rules.merging(LeadRefinement(), text: "Just browsing") == rules)
    }

    @Test func invalidModelAmountIsIgnored() {
        let rules = LeadQualifier().fields(from: "hello")
        let merged = rules.merging(LeadRefinement(budget: ModelFinding(LeadBudget(amount: -.infinity, currency: .eur))), text: "hello")
        #expect(merged.budget == nil)
    }

    @Test func failingRefinerFallsBackToRules() async {
        let text = "Gérant d'une PME industrielle. Pas pressé, plutôt l'année prochaine."
        let refined = await LeadQualifier().qualify(text, refiner: FailingRefiner())
        #expect(refined == LeadQualifier.qualify(text))
    }
}

@Suite("BANT model refinement JSON")
struct LeadRefinementJSONTests {
    @Test func decodesModelAnswer() throws {
        let json = """
            {"budget": {"value": {"amount": 800, "currency": "EUR", "period": "month"}, "quote": "800 balles"},
             "timeline": {"value": "quarter"}, "fit": {"value": true, "quote": "marque"}, "model": "offline"}
            """
        let refinement = try JSONDecoder().decode(LeadRefinement.self, from: Data(json.utf8))
        #expect(refinement.budget?.value == LeadBudget(amount: 800, currency: .eur))
        #expect(refinement.timeline?.value == .quarter)
        #expect(refinement.decisionMaker == nil)
        let merged = LeadFields().merging(refinement, text: "une marque, 800 balles")
        #expect(merged.evidence.budget.range == EvidenceRange(start: 12, end: 22))
        #expect(merged.evidence.fit.source == .model)
    }
}
