import Foundation
import Scoring
import Testing

/// The worked examples of ../shared/reference/bant-examples.json: every field and the tier.
@Suite("BANT reference examples")
struct BANTReferenceTests {
    struct ReferenceFile: Decodable {
        struct Case: Decodable, Sendable, CustomTestStringConvertible {
            struct Expect: Decodable, Sendable {
                struct Budget: Decodable, Sendable {
                    let amount: Double
                    let currency: String
                }
                let budget: Budget?
                let timeline: String?
                let decisionMaker: Bool?
                let fit: Bool
                let tier: String
            }
            let text: String
            let expect: Expect
            var testDescription: String { String(text.prefix(60)) }
        }
        let cases: [Case]
        let scoring: [String: String]
    }

    static func referenceURL() -> URL {
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        return folder.deletingLastPathComponent().appendingPathComponent("shared/reference/bant-examples.json")
    }

    static func load() throws -> ReferenceFile {
        try JSONDecoder().decode(ReferenceFile.self, from: Data(contentsOf: referenceURL()))
    }

    static let cases: [ReferenceFile.Case] = (try? load().cases) ?? []

    @Test func referenceFileHasCases() throws {
        let file = try Self.load()
        #expect(file.cases.count >= 6)
        #expect(file.scoring["tiers"]?.contains("hot >= 75") == true)
    }

    @Test(arguments: cases)
    func example(_ example: ReferenceFile.Case) throws {
        let result = LeadQualifier.qualify(example.text)
        let expect = example.expect
        if let budget = expect.budget {
            let found = try #require(result.budget)
            #expect(found.amount == budget.amount)
            #expect(found.currency.rawValue == budget.currency)
        } else {
            #expect(result.budget == nil)
        }
        #expect(result.timeline?.rawValue == expect.timeline)
        #expect(result.decisionMaker == expect.decisionMaker)
        #expect(result.fit == expect.fit)
        #expect(result.tier.rawValue == expect.tier)
        #expect(
            result.score == result.evidence.budget.points + result.evidence.timeline.points
                + result.evidence.decisionMaker.points + result.evidence.fit.points + result.evidence.engagement.points)
        LeadEvidenceCheck.spansMatch(result, in: example.text)
    }
}

/// Checks that each evidence span is the substring of the text at its range.
enum LeadEvidenceCheck {
    static func spansMatch(_ result: LeadQualification, in text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let all = [
            result.evidence.budget, result.evidence.timeline, result.evidence.decisionMaker, result.evidence.fit,
            result.evidence.engagement,
        ]
        for evidence in all {
            guard let range = evidence.range else {
                #expect(evidence.text == nil || evidence.source == .model, sourceLocation: sourceLocation)
                continue
            }
            let bounds = range.range(in: text)
            #expect(bounds != nil, "range \(range) outside the text", sourceLocation: sourceLocation)
            if let bounds {
                #expect(String(text[bounds]) == evidence.text, sourceLocation: sourceLocation)
            }
            #expect(evidence.rule != nil, sourceLocation: sourceLocation)
        }
    }
}
