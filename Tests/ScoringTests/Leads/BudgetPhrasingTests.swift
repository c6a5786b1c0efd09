import Foundation
import Scoring
import Testing

/// Budgets as people write them: currencies, symbols, k, both thousands conventions, ranges, per year.
@Suite("BANT budget phrasings")
struct BudgetPhrasingTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let amount: Double?
        let currency: LeadCurrency
        let period: BudgetPeriod
        init(_ text: String, _ amount: Double?, _ currency: LeadCurrency = .eur, _ period: BudgetPeriod = .month) {
            self.text = text
            self.amount = amount
            self.currency = currency
            self.period = period
        }
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case("Budget : 1.500 € par mois", 1500),
        Case("Budget 1\u{00A0}500\u{00A0}€ / mois", 1500),
        Case("on a un budget de 1\u{202F}500€", 1500),
        Case("We can spend around $1,500 per month", 1500, .usd),
        Case("budget 1,5k€/mois max", 1500),
        Case("2.5k USD a month sounds fine", 2500, .usd),
        Case("We could invest between 1k and 2k", 1000),
        Case("on peut mettre entre 500 et 800 € par mois", 500),
        Case("budjet 1-2k€", 1000),
        Case("£2,000 per year for the whole thing", 2000, .gbp, .year),
        Case("CHF 2'000 par mois", 2000, .chf),
        Case("3000 CHF annuel", 3000, .chf, .year),
        Case("Budget of C$1,200 monthly", 1200, .cad),
        Case("environ 1500 CAD", 1500, .cad),
        Case("5000 DH par mois pour commencer", 5000, .mad),
        Case("notre budget: 10000 MAD", 10000, .mad),
        Case("jusqu'à 5 000 dirhams", 5000, .mad),
        Case("je peux mettre 500 balles par mois", 500),
        Case("Notre budget annuel est de 12 000 €", 12000, .eur, .year),
        Case("12k€/an c'est notre limite", 12000, .eur, .year),
        Case("on peut investir 3000 euros par an", 3000, .eur, .year),
        Case("budget de 800 par mois", 800),
        Case("Budget 1,500.50 USD", 1500.5, .usd),
        Case("budget 1.500,50 € HT/mois", 1500.5),
        Case("environ 2 mille euros par mois", 2000),
        Case("Budget max 5k", 5000),
        Case("$300/mo is what we can afford", 300, .usd),
        Case("€800 per month", 800),
        Case("jusqu'à 700€ HT par mois", 700),
        Case("budget 2-3k$ par mois", 2000, .usd),
        Case("500e/mois pas plus", 500),
        Case("Budget de 1,2k dollars per month", 1200, .usd),
        Case("budgte 900€ pour tout", 900),
        Case("1 500 000 € par an", 1_500_000, .eur, .year),
        Case("On fait 50k€ de CA par mois, budget 1000€", 1000),
        Case("panier moyen de 60€, budget 500€/mois", 500),
        Case("We sell candles at 30€ each; our marketing budget is 400€ a month", 400),
        Case("Budget around 300 dollars canadiens", 300, .cad),
        Case("budget 1500 par mois en dollars", 1500, .usd),
        Case("we pay 250 GBP monthly for Klaviyo", 250, .gbp),
        Case("800 USD/year", 800, .usd, .year),
        Case("prêt à payer 2 000 € par an", 2000, .eur, .year),
        Case("we spend 2k a month on facebook ads; budget for your tool ~200/mo", 200),
        Case("Mon budget c'est 1000 balles max par mois", 1000),
        Case("budget: 1.000€-1.500€ / mois", 1000),
        Case("Budget : 10 000 MAD annuel, on est une TPE à Rabat", 10000, .mad, .year),
        Case("prêts à investir 15 000 euros sur l'année", 15000, .eur, .year),
        Case("Happy to pay up to 1500 USD monthly", 1500, .usd),
        Case("budget de cinq cents euros par mois", 500),
        Case("We sell on Etsy. 20k/yr budget.", 20000, .eur, .year),
        Case("Budget 3000€ pour l'année", 3000, .eur, .year),
        Case("Budget envisagé : 400 à 600 € HT / mois", 400),
        Case("CA 2M€/an, on peut mettre 1500€", 1500),
        Case("Looking for something under 500/month", 500),
        Case("Price range 50-100 USD", 50, .usd),
        Case("ARR 500k$, budget 2k$/mo", 2000, .usd),
        Case("deux mille balles par an", 2000, .eur, .year),
        Case("fifteen hundred dollars a month", 1500, .usd),
        Case("entre cinq cents et mille euros", 500),
        Case("budget: a thousand bucks", 1000, .usd),
        // Numbers that are not budgets.
        Case("400 orders a month, call me at 06 12 34 56 78", nil),
        Case("We are 30 people in 2 offices", nil),
        Case("We started in 2025 and grew 40% since", nil),
        Case("Budget: 20% of revenue", nil),
        Case("rendez-vous le 15/03/2025 à 14h30", nil),
        Case("on vend des produits à 30€", nil),
        Case("Call me: +33 6 12 34 56 78 or +1 (555) 123-4567", nil),
        Case("budget pour 2026 pas encore défini", nil),
        Case("Just browsing, what do you do exactly?", nil),
        Case("we have 2 stores and 15 employees, 3000 customers", nil),
        Case("budget 30 personnes", nil),
        Case("We're doing about 2,000 orders/month on Shopify", nil),
        Case("budget for under 40 people", nil),
        Case("our conversion rate is 2.5 % and AOV 60$", nil),
        Case("budget: 20 pour cent du CA", nil),
        Case("je veux un devis pour deux boutiques", nil),
    ]

    @Test(arguments: cases)
    func budget(_ example: Case) throws {
        let result = LeadQualifier.qualify(example.text)
        guard let amount = example.amount else {
            #expect(result.budget == nil, "read \(String(describing: result.budget)) from \(result.evidence.budget.text ?? "")")
            return
        }
        let budget = try #require(result.budget)
        #expect(budget.amount == amount)
        #expect(budget.currency == example.currency)
        #expect(budget.period == example.period)
        #expect(result.evidence.budget.source == .rules)
        LeadEvidenceCheck.spansMatch(result, in: example.text)
    }
}
