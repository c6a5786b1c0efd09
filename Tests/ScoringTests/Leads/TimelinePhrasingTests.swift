import Foundation
import Scoring
import Testing

/// Timelines in French, English and both, with typos and missing accents.
@Suite("BANT timeline phrasings")
struct TimelinePhrasingTests {
    static let cases: [(String, LeadTimeline?)] = [
        ("On veut commencer cette semaine", .immediate),
        ("need it ASAP!!", .immediate),
        ("c'est urgent svp", .immediate),
        ("des que possible, merci", .immediate),
        ("Dès que possible", .immediate),
        ("tout de suite si vous pouvez", .immediate),
        ("we need this right away", .immediate),
        ("on démarre dans 3 jours", .immediate),
        ("d'ici la fin de la semaine", .immediate),
        ("très rapidement svp", .immediate),
        ("we need it now", .immediate),
        ("je voudrais commencer demain", .immediate),
        ("Démarrage souhaité sous 15 jours", .month),
        ("target go-live in 8 weeks", .quarter),
        ("Budget : 2 500 € / mois\nDélai : 1 mois", .month),
        ("Timeline: 2-3 months", .quarter),
        ("délai de 2 semaines", .month),
        ("début souhaité dans les 3 prochaines semaines", .month),
        ("on aimerait démarrer rapidement", .month),
        ("pas urgent mais bientot", .month),
        ("immediatment", .immediate),
        ("Budget ok, start next month", .month),
        ("le mois prochain ça serait top", .month),
        ("dans 2 semaines", .month),
        ("in a few weeks", .month),
        ("d'ici un mois", .month),
        ("la semaine prochaine", .month),
        ("within 3 weeks", .month),
        ("probably next quarter", .quarter),
        ("lancement prévu dans deux mois", .quarter),
        ("d'ici 3 mois", .quarter),
        ("in 2-3 months", .quarter),
        ("dans quelques mois", .quarter),
        ("sur les 3 prochains mois", .quarter),
        ("within the next 2 months", .quarter),
        ("Pas pressé, plutôt l'année prochaine", .later),
        ("pas pressee", .later),
        ("no rush at all", .later),
        ("maybe next year", .later),
        ("dans 6 mois", .later),
        ("in six months or so", .later),
        ("pas urgent", .later),
        ("not urgent, but next month would be nice", .month),
        ("urgent: we want to launch before next quarter", .immediate),
        ("Just browsing, what do you do exactly?", nil),
        ("Dropshipping store, 400 orders a month", nil),
        ("budget 500 par mois", nil),
        ("On a lancé il y a 3 mois", nil),
    ]

    @Test(arguments: cases)
    func timeline(_ text: String, _ expected: LeadTimeline?) {
        let result = LeadQualifier.qualify(text)
        #expect(result.timeline == expected, "evidence: \(result.evidence.timeline.text ?? "none")")
        if expected != nil { #expect(result.evidence.timeline.range != nil) }
        LeadEvidenceCheck.spansMatch(result, in: text)
    }
}
