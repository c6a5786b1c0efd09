import Foundation
import Scoring
import Testing

/// Whole messages assembled from fragments in French, English and both, in shuffled order: every field is read
/// independently of the others, and the score is the sum of the table's points.
@Suite("BANT combined messages")
struct LeadCombinationTests {
    static let budgets: [(String, LeadBudget?)] = [
        ("Budget de 800€/mois", LeadBudget(amount: 800, currency: .eur)),
        ("We could invest between 1k and 2k USD a month", LeadBudget(amount: 1000, currency: .usd)),
        ("notre budget annuel est de 12 000 €", LeadBudget(amount: 12_000, currency: .eur, period: .year)),
        ("budget around 300 dollars", LeadBudget(amount: 300, currency: .usd)),
        ("on peut mettre 5 000 dirhams par mois", LeadBudget(amount: 5000, currency: .mad)),
        ("£1,500 per month is fine", LeadBudget(amount: 1500, currency: .gbp)),
        ("budget 2'000 CHF / an", LeadBudget(amount: 2000, currency: .chf, period: .year)),
        ("budget ~ 1,5k CAD monthly", LeadBudget(amount: 1500, currency: .cad)),
        ("we have 400 orders a month", nil),
        ("", nil),
    ]
    static let timelines: [(String, LeadTimeline?)] = [
        ("on veut démarrer cette semaine", .immediate), ("need it ASAP", .immediate), ("next month ideally", .month),
        ("d'ici un mois", .month), ("lancement dans deux mois", .quarter), ("probably next quarter", .quarter),
        ("pas pressé, plutôt l'année prochaine", .later), ("no rush", .later), ("", nil),
    ]
    static let deciders: [(String, Bool?)] = [
        ("je suis la fondatrice", true), ("I'm the owner", true), ("gerant de la boite", true),
        ("My CEO signs off on anything", false), ("je dois valider avec mon associé", false), ("", nil),
    ]
    static let fits: [(String, Bool)] = [
        ("boutique Shopify de cosmétiques", true), ("we're a B2B SME", true), ("site WooCommerce", true),
        ("dropshipping store", true), ("we are a local sports club", false), ("", false),
    ]
    static let engagements: [(String, Int)] = [
        ("Pouvez-vous m'appeler ?", 10), ("call me at +33 6 12 34 56 78", 10), ("écrivez-moi: jo@shop.fr", 10),
        ("Can we book a demo", 10), ("How much does it cost?", 5), ("combien ça coûte ?", 5), ("Merci", 0), ("", 0),
    ]

    @Test func shuffledCombinations() {
        var random = LeadNoiseGenerator(seed: 7)
        for _ in 0..<300 {
            let budget = Self.budgets[Int(random.next() % UInt64(Self.budgets.count))]
            let timeline = Self.timelines[Int(random.next() % UInt64(Self.timelines.count))]
            let decider = Self.deciders[Int(random.next() % UInt64(Self.deciders.count))]
            let fit = Self.fits[Int(random.next() % UInt64(Self.fits.count))]
            let engagement = Self.engagements[Int(random.next() % UInt64(Self.engagements.count))]
            var parts = [budget.0, timeline.0, decider.0, fit.0]
            for index in stride(from: parts.count - 1, to: 0, by: -1) {
                parts.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            let text = (parts.filter { !$0.isEmpty } + [engagement.0]).joined(separator: ". ")
            let result = LeadQualifier.qualify(text)
            #expect(result.budget == budget.1, "\(text)")
            #expect(result.timeline == timeline.1, "\(text)")
            #expect(result.decisionMaker == decider.1, "\(text)")
            #expect(result.fit == fit.1, "\(text)")
            #expect(result.engagement == engagement.1, "\(text)")
            let expected =
                LeadScoreTable.budgetPoints(budget.1, rates: .reference) + LeadScoreTable.timelinePoints(timeline.1)
                + LeadScoreTable.decisionMakerPoints(decider.1) + LeadScoreTable.fitPoints(fit.1) + engagement.1
            #expect(result.score == expected, "\(text)")
            #expect(result.tier == LeadTier(score: expected))
            LeadEvidenceCheck.spansMatch(result, in: text)
        }
    }

    @Test(arguments: [
        ("Hello, je suis le founder d'un e-shop, budget 1k€/month, ASAP svp. Call me!", 30 + 25 + 20 + 15 + 10),
        ("Bonjour, we are a PME B2B. Notre budget est de 600 dollars per month, next quarter.", 20 + 12 + 0 + 15 + 0),
        ("CEO d'une boutique en ligne, budget 2 000 € / year, pas pressé. Can you send a quote?", 5 + 5 + 20 + 15 + 10),
        ("Gerante, site woocommerce, budget 500e/mois, le mois prochain, mon associe doit valider", 20 + 20 + 8 + 15 + 0),
    ])
    func mixedLanguages(_ text: String, _ score: Int) {
        #expect(LeadQualifier.qualify(text).score == score)
    }
}
