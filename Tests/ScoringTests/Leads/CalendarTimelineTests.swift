import Foundation
import Scoring
import Testing

/// Months and quarters read against a reference date given to the qualifier (never the system clock).
@Suite("BANT calendar timelines")
struct CalendarTimelineTests {
    /// Thursday 15 January 2026, 10:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_768_471_200)

    @Test(arguments: [
        ("On voudrait lancer d'ici fin mars", LeadTimeline?.some(.quarter)),
        ("à partir de février", .month),
        ("lancement prévu en septembre", .later),
        ("objectif Q1", .quarter),
        ("plutôt T2 2026", .quarter),
        ("on verra à la rentrée", .later),
        ("fin janvier si possible", .month),
        ("mi-février", .month),
        ("by the end of January", .month),
        ("starting in March", .quarter),
        ("we launched in March 2025", nil),
        ("Depuis mars on vend en ligne", nil),
        ("d'ici fin mars, mais c'est urgent", .immediate),
    ])
    func withReferenceDate(_ text: String, _ expected: LeadTimeline?) {
        let result = LeadQualifier(now: Self.now).qualify(text)
        #expect(result.timeline == expected, "evidence: \(result.evidence.timeline.text ?? "none")")
        LeadEvidenceCheck.spansMatch(result, in: text)
    }

    @Test func referenceDateIsRequired() {
        #expect(LeadQualifier().qualify("On voudrait lancer d'ici fin mars").timeline == nil)
        #expect(LeadQualifier.qualify("objectif Q3").timeline == nil)
    }

    @Test func sameTextLaterInTheYear() {
        let june = Self.now.addingTimeInterval(150 * 86_400)
        #expect(LeadQualifier(now: june).qualify("lancement prévu en septembre").timeline == .quarter)
        #expect(LeadQualifier(now: june).qualify("d'ici fin mars").timeline == .later)
    }
}
