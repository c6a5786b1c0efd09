import Foundation
import Scoring
import Testing

/// Fit (e-commerce, platforms, dropshipping, B2B, SME) and engagement (contact 10, question 5, else 0).
@Suite("BANT fit and engagement")
struct FitAndEngagementTests {
    static let fitCases: [(String, Bool)] = [
        ("boutique Shopify de cosmétiques", true),
        ("on est sur woocommerce", true),
        ("We use Klaviyo for emails", true),
        ("site PrestaShop", true),
        ("Magento 2 store", true),
        ("Dropshipping store", true),
        ("j'ai une boutique en ligne", true),
        ("small online store selling tea", true),
        ("Gérant d'une PME industrielle", true),
        ("B2B consulting firm", true),
        ("e-commerce de mode", true),
        ("ecommerce brand", true),
        ("boutique shopfiy", true),
        ("site woocomerce", true),
        ("we use Klavyio", true),
        ("Just browsing", false),
        ("I own a restaurant", false),
        ("Agency of 10 people. We're not in ecommerce.", false),
        ("Entreprise de 250 salariés. Pas e-commerce.", false),
    ]

    @Test(arguments: fitCases)
    func fit(_ text: String, _ expected: Bool) {
        let result = LeadQualifier.qualify(text)
        #expect(result.fit == expected)
        #expect((result.evidence.fit.range != nil) == expected)
        LeadEvidenceCheck.spansMatch(result, in: text)
    }

    static let engagementCases: [(String, Int)] = [
        ("Call me at +212 6 61 23 45 67", 10),
        ("mon numéro : 06 12 34 56 78", 10),
        ("écrivez-moi à jane.doe@boutique.fr", 10),
        ("Can we book a demo next week", 10),
        ("envoyez-moi un devis", 10),
        ("on peut prendre rendez-vous", 10),
        ("Pouvez-vous m'appeler ?", 10),
        ("How much is it?", 5),
        ("Combien ça coûte", 5),
        ("pouvez-vous m'envoyer la doc", 5),
        ("Budget 500€.", 0),
        ("see https://shop.fr/?ref=12 for our store", 0),
        ("on veut une demonstation", 10),
        ("We run a call center", 0),
        ("Bonjour, je m'appelle Karim, gérant d'une boutique", 0),
        ("On a commandé 1200 produits en 2025", 0),
    ]

    @Test(arguments: engagementCases)
    func engagement(_ text: String, _ expected: Int) {
        let result = LeadQualifier.qualify(text)
        #expect(result.engagement == expected, "evidence: \(result.evidence.engagement.text ?? "none")")
        LeadEvidenceCheck.spansMatch(result, in: text)
    }
}
