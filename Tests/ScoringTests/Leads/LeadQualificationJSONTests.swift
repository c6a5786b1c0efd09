import Foundation
import Scoring
import Testing

/// The `autopilot qualify --json` shape.
@Suite("BANT JSON shape")
struct LeadQualificationJSONTests {
    static func object(_ text: String) throws -> [String: Any] {
        let data = try JSONEncoder().encode(LeadQualifier.qualify(text))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func topLevelKeysAndExplicitNulls() throws {
        let json = try Self.object("Just browsing, what do you do exactly?")
        #expect(Set(json.keys) == ["budget", "timeline", "decisionMaker", "fit", "engagement", "score", "tier", "evidence"])
        #expect(json["budget"] is NSNull)
        #expect(json["timeline"] is NSNull)
        #expect(json["decisionMaker"] is NSNull)
        #expect(json["fit"] as? Bool == false)
        #expect(json["engagement"] as? Int == 5)
        #expect(json["score"] as? Int == 5)
        #expect(json["tier"] as? String == "cold")
    }

    @Test func budgetAndEvidenceShape() throws {
        let text = "Fondatrice Shopify, budget 800€/mois, cette semaine. Appelez-moi"
        let json = try Self.object(text)
        let budget = try #require(json["budget"] as? [String: Any])
        #expect(Set(budget.keys) == ["amount", "currency", "period"])
        #expect(budget["amount"] as? Double == 800)
        #expect(budget["currency"] as? String == "EUR")
        #expect(budget["period"] as? String == "month")
        #expect(json["timeline"] as? String == "immediate")
        #expect(json["decisionMaker"] as? Bool == true)
        let evidence = try #require(json["evidence"] as? [String: Any])
        #expect(Set(evidence.keys) == ["budget", "timeline", "decisionMaker", "fit", "engagement"])
        let budgetEvidence = try #require(evidence["budget"] as? [String: Any])
        #expect(budgetEvidence["text"] as? String == "800€/mois")
        #expect(budgetEvidence["source"] as? String == "rules")
        #expect(budgetEvidence["rule"] as? String == "budget.currency")
        let range = try #require(budgetEvidence["range"] as? [String: Any])
        #expect(range["start"] as? Int == 27)
        #expect(range["end"] as? Int == 36)
    }

    @Test func roundTrips() throws {
        let result = LeadQualifier.qualify("Hi, B2B SaaS, budget between 1k and 2k USD a month, next quarter. My CEO signs off.")
        let decoded = try JSONDecoder().decode(LeadQualification.self, from: JSONEncoder().encode(result))
        #expect(decoded == result)
    }
}
