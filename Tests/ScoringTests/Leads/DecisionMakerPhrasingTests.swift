import Foundation
import Scoring
import Testing

/// Who decides: roles, "je décide", approvals by someone else, negations.
@Suite("BANT decision-maker phrasings")
struct DecisionMakerPhrasingTests {
    static let cases: [(String, Bool?)] = [
        ("Je suis le fondateur de la marque", true),
        ("fondatrise d'une petite boutique", true),
        ("CEO here, small team", true),
        ("I'm the owner of a candle shop", true),
        ("gerant d'un magasin", true),
        ("Je décide seul", true),
        ("c'est moi qui decide", true),
        ("I decide on tools", true),
        ("co-founder of a DTC brand", true),
        ("Propriétaire de la boutique", true),
        ("proprietiare d'un site", true),
        ("fondatuer et seul aux commandes", true),
        ("Our company was founded in 2019", nil),
        ("je dirige une PME", true),
        ("c'est moi qui gère un e-shop", true),
        ("I run a Shopify skincare brand", true),
        ("La décision revient à notre directeur général", false),
        ("Il faudra l'accord de ma responsable", false),
        ("I'll need my manager's approval", false),
        ("Décision en comité", false),
        ("Je suis DG d'une ETI", true),
        ("Le CEO valide les dépenses", false),
        ("Our founder decides on tools", false),
        ("On est 2 associés, on décide ensemble", true),
        ("Fondateur, je décide de tout", true),
        ("Je suis seule dans mon entreprise", true),
        ("Je suis CMO, le CEO tranche", false),
        ("My CEO signs off on anything above 500", false),
        ("je dois valider avec mon associé", false),
        ("need approval from my manager", false),
        ("mon patron décide", false),
        ("I'm not the decision maker", false),
        ("je ne suis pas le gérant", false),
        ("I'm a founder but I need approval from my partner", false),
        ("the board has to approve", false),
        ("Fondatrice, mais je dois en parler à mon associée", false),
        ("Just browsing, what do you do exactly?", nil),
        ("I run marketing at a B2B firm", nil),
        ("I'm my own boss, well not exactly", nil),
    ]

    @Test(arguments: cases)
    func decisionMaker(_ text: String, _ expected: Bool?) {
        let result = LeadQualifier.qualify(text)
        #expect(result.decisionMaker == expected, "evidence: \(result.evidence.decisionMaker.text ?? "none")")
        LeadEvidenceCheck.spansMatch(result, in: text)
    }
}
