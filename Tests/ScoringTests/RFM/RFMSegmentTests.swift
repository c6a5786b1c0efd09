import Foundation
import Scoring
import Testing

@Suite("RFM segments")
struct RFMSegmentTests {
    @Test("every combination belongs to exactly one segment", arguments: RFMScore.allCombinations)
    func exactlyOne(score: RFMScore) {
        let holding = RFMSegment.allCases.filter { $0.contains(score) }
        #expect(holding.count == 1, "\(score.code) is in \(holding)")
        #expect(holding.first == score.segment)
    }

    @Test(
        "seed 001 anchors",
        arguments: [
            (555, RFMSegment.champions), (111, .lost),
            (414, .loyal), (424, .loyal), (434, .loyal), (444, .loyal), (454, .loyal), (415, .loyal), (455, .loyal),
            (211, .atRisk), (221, .atRisk), (231, .atRisk), (241, .atRisk), (251, .atRisk), (212, .atRisk), (252, .atRisk),
            (511, .new), (411, .promising), (533, .potentialLoyalist), (355, .needAttention), (311, .aboutToSleep),
            (155, .cantLoseThem), (255, .cantLoseThem), (133, .hibernating),
        ])
    func anchors(code: Int, expected: RFMSegment) {
        let score = RFMScore(recency: code / 100, frequency: code / 10 % 10, monetary: code % 10)
        #expect(score.segment == expected)
    }

    @Test("every segment is used and named in both languages")
    func allUsed() {
        let used = Set(RFMScore.allCombinations.map(\.segment))
        #expect(used == Set(RFMSegment.allCases))
        #expect(RFMSegment.cantLoseThem.name(in: .english) == "Can't lose them")
        #expect(RFMSegment.lost.name(in: .french) == "Perdus")
    }
}

@Suite("docs/scoring.md")
struct ScoringDocumentationTests {
    @Test("the segment table matches the code")
    func segmentTable() throws {
        let text = try ReferenceData.repositoryFile("docs/scoring.md")
        let names = Dictionary(uniqueKeysWithValues: RFMSegment.allCases.map { ($0.name(in: .english), $0) })
        var seen = 0
        for line in text.split(whereSeparator: \.isNewline) {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count == 7, let r = Int(cells[0]), let f = Int(cells[1]) else { continue }
            for m in 1...5 {
                let score = RFMScore(recency: r, frequency: f, monetary: m)
                #expect(names[cells[m + 1]] == score.segment, "\(score.code): docs say \(cells[m + 1])")
                seen += 1
            }
        }
        #expect(seen == 125)
    }
}
